//===- Scan.cpp - Role declarations in C sources --------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Scan.h"

#include "sdv/Roles/Roles.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <tuple>

using namespace llvm;

namespace sdv {

namespace {

struct Token {
  enum KindTy { Identifier, Punctuator, Other } Kind;
  StringRef Text;
  unsigned Line;
};

/// Splits C source text into tokens, dropping comments, string and
/// character literals and preprocessor directives. Only identifiers and
/// punctuators matter to the scan; the line numbers are those of the text.
class Lexer {
public:
  explicit Lexer(StringRef Text) : S(Text) {}

  std::vector<Token> run() {
    std::vector<Token> Out;
    bool AtLineStart = true;
    while (I < S.size()) {
      char C = S[I];
      if (C == '\n') {
        ++Line;
        ++I;
        AtLineStart = true;
        continue;
      }
      if (skipSplice() || skipComment())
        continue;
      if (isSpace(C)) {
        ++I;
        continue;
      }
      if (C == '#' && AtLineStart) {
        skipDirective();
        continue;
      }
      AtLineStart = false;
      if (C == '"' || C == '\'') {
        skipLiteral(C);
        continue;
      }
      size_t Start = I;
      if (isAlpha(C) || C == '_' || C == '$') {
        while (I < S.size() && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
          ++I;
        Out.push_back({Token::Identifier, S.slice(Start, I), Line});
        continue;
      }
      if (isDigit(C) || (C == '.' && I + 1 < S.size() && isDigit(S[I + 1]))) {
        // A preprocessing number: 0x1f, 1.5e+3, 10ULL.
        ++I;
        while (I < S.size()) {
          char D = S[I];
          if ((D == '+' || D == '-') && strchr("eEpP", S[I - 1])) {
            ++I;
            continue;
          }
          if (!isAlnum(D) && D != '_' && D != '.')
            break;
          ++I;
        }
        Out.push_back({Token::Other, S.slice(Start, I), Line});
        continue;
      }
      ++I;
      Out.push_back({Token::Punctuator, S.slice(Start, I), Line});
    }
    return Out;
  }

private:
  /// A backslash-newline joins two lines into one.
  bool skipSplice() {
    if (S[I] != '\\')
      return false;
    size_t J = I + 1;
    if (J < S.size() && S[J] == '\r')
      ++J;
    if (J >= S.size() || S[J] != '\n')
      return false;
    I = J + 1;
    ++Line;
    return true;
  }

  bool skipComment() {
    if (S[I] != '/' || I + 1 >= S.size())
      return false;
    if (S[I + 1] == '*') {
      I += 2;
      while (I < S.size() && !(S[I] == '*' && I + 1 < S.size() && S[I + 1] == '/')) {
        if (S[I] == '\n')
          ++Line;
        ++I;
      }
      I = std::min(S.size(), I + 2);
      return true;
    }
    if (S[I + 1] == '/') {
      while (I < S.size() && S[I] != '\n')
        if (!skipSplice())
          ++I;
      return true;
    }
    return false;
  }

  /// A string or character literal; an unterminated one ends at its line.
  void skipLiteral(char Quote) {
    ++I;
    while (I < S.size() && S[I] != Quote && S[I] != '\n') {
      if (skipSplice())
        continue;
      if (S[I] == '\\' && I + 1 < S.size() && S[I + 1] != '\n')
        ++I;
      ++I;
    }
    if (I < S.size() && S[I] == Quote)
      ++I;
  }

  /// A directive runs to the end of its (spliced) line; a block comment in
  /// it may span lines without ending it.
  void skipDirective() {
    while (I < S.size() && S[I] != '\n') {
      if (skipSplice() || skipComment())
        continue;
      if (S[I] == '"' || S[I] == '\'') {
        skipLiteral(S[I]);
        continue;
      }
      ++I;
    }
  }

  StringRef S;
  size_t I = 0;
  unsigned Line = 1;
};

bool isPunct(const Token &T, char C) {
  return T.Kind == Token::Punctuator && T.Text.size() == 1 && T.Text[0] == C;
}

/// Annotations that give a dispatch routine's IRP major function.
bool isDispatchAnnotation(StringRef Name) {
  return Name == "_Dispatch_type_" || Name == "__drv_dispatchType";
}

class StatementScanner {
public:
  StatementScanner(StringRef FileName, const RoleCatalog &Catalog,
                   std::vector<RoleDeclaration> &Out,
                   std::vector<std::string> &Warnings)
      : FileName(FileName), Catalog(Catalog), Out(Out), Warnings(Warnings) {}

  /// Reads one statement, the tokens between two of `;`, `{` and `}`.
  void scan(ArrayRef<Token> T) {
    // [specifiers and annotations] ROLE_TYPE Name [, Name]*
    struct Annotation {
      std::string Code;
      unsigned Line;
    };
    SmallVector<Annotation, 2> Dispatch;
    std::optional<std::string> TypeRole;
    size_t I = 0;
    for (; I < T.size(); ++I) {
      const Token &Tk = T[I];
      if (Tk.Kind != Token::Identifier)
        return;
      // Type definitions declare no routine; neither do tagged types.
      if (Tk.Text == "typedef" || Tk.Text == "struct" || Tk.Text == "union" ||
          Tk.Text == "enum")
        return;
      if (I + 1 < T.size() && isPunct(T[I + 1], '(')) {
        // An annotation or specifier with arguments: _IRQL_requires_(...),
        // __declspec(...), _Dispatch_type_(IRP_MJ_READ).
        size_t Close = matchingParen(T, I + 1);
        if (Close == T.size())
          return;
        if (isDispatchAnnotation(Tk.Text)) {
          std::string Code;
          for (const Token &Arg : T.slice(I + 2, Close - I - 2))
            Code += Arg.Text;
          Dispatch.push_back({Code, Tk.Line});
        }
        I = Close;
        continue;
      }
      if ((TypeRole = Catalog.declarationRole(Tk.Text)))
        break;
    }
    if (!TypeRole)
      return;
    // Plain names separated by commas: `HW_STARTIO *Fn;` declares a
    // pointer, `DRIVER_DISPATCH Fn(...)` is not a role declaration.
    SmallVector<const Token *, 2> Names;
    for (++I; I < T.size(); I += 2) {
      if (T[I].Kind != Token::Identifier)
        return;
      Names.push_back(&T[I]);
      if (I + 1 < T.size() && !isPunct(T[I + 1], ','))
        return;
    }
    if (Names.empty() || isPunct(T.back(), ','))
      return;

    std::vector<std::string> Roles;
    std::vector<std::string> Refined = Catalog.refinements(*TypeRole);
    for (const Annotation &A : Dispatch) {
      if (Refined.empty()) {
        Warnings.push_back((FileName + ":" + Twine(A.Line) + ": " + *TypeRole +
                            " routines have no IRP major function; '" +
                            A.Code + "' is ignored")
                               .str());
        continue;
      }
      if (!is_contained(Refined, A.Code)) {
        Warnings.push_back((FileName + ":" + Twine(A.Line) + ": '" + A.Code +
                            "' is not an IRP major function sdv-lite knows; "
                            "the routine is declared " + *TypeRole)
                               .str());
        continue;
      }
      if (!is_contained(Roles, A.Code))
        Roles.push_back(A.Code);
    }
    if (Roles.empty())
      Roles.push_back(*TypeRole);
    for (const Token *Name : Names)
      for (const std::string &Role : Roles)
        Out.push_back({Name->Text.str(), Role, *TypeRole, FileName.str(),
                       Name->Line});
  }

private:
  static size_t matchingParen(ArrayRef<Token> T, size_t Open) {
    unsigned Depth = 0;
    for (size_t I = Open; I < T.size(); ++I) {
      if (isPunct(T[I], '('))
        ++Depth;
      else if (isPunct(T[I], ')') && --Depth == 0)
        return I;
    }
    return T.size();
  }

  StringRef FileName;
  const RoleCatalog &Catalog;
  std::vector<RoleDeclaration> &Out;
  std::vector<std::string> &Warnings;
};

std::string originOf(const RoleDeclaration &D) {
  return D.File + ":" + std::to_string(D.Line);
}

} // namespace

void scanRoleDeclarations(StringRef Text, StringRef FileName,
                          const RoleCatalog &Catalog,
                          std::vector<RoleDeclaration> &Out,
                          std::vector<std::string> &Warnings) {
  std::vector<Token> Tokens = Lexer(Text).run();
  StatementScanner Scanner(FileName, Catalog, Out, Warnings);
  size_t Start = 0;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    const Token &T = Tokens[I];
    if (!isPunct(T, ';') && !isPunct(T, '{') && !isPunct(T, '}'))
      continue;
    if (isPunct(T, ';'))
      Scanner.scan(ArrayRef<Token>(Tokens).slice(Start, I - Start));
    Start = I + 1;
  }
}

RoleMap buildRoleMap(ArrayRef<RoleDeclaration> Declarations,
                     ArrayRef<std::string> Sources, const RoleCatalog &Catalog,
                     std::vector<std::string> &Warnings) {
  // Each routine's roles, first declaration first.
  std::map<std::string, std::vector<const RoleDeclaration *>> ByFunction;
  for (const RoleDeclaration &D : Declarations) {
    std::vector<const RoleDeclaration *> &Seen = ByFunction[D.Function];
    if (none_of(Seen, [&](const RoleDeclaration *X) { return X->Role == D.Role; }))
      Seen.push_back(&D);
  }

  // (role, function, origin), to be numbered per role.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> ByRole;
  for (auto &[Function, Decls] : ByFunction) {
    // Two declaring types that do not agree.
    std::vector<const RoleDeclaration *> Types;
    for (const RoleDeclaration *D : Decls)
      if (none_of(Types, [&](const RoleDeclaration *X) {
            return Catalog.compatible(X->TypeRole, D->TypeRole);
          }))
        Types.push_back(D);
    if (Types.size() > 1) {
      std::string Message = "'" + Function + "' is declared with roles that do not agree:";
      for (const RoleDeclaration *D : Types)
        Message += (D == Types.front() ? " " : ", ") + D->TypeRole + " (" +
                   originOf(*D) + ")";
      Warnings.push_back(Message + "; the map lists each");
    }
    for (const RoleDeclaration *D : Decls) {
      // DRIVER_DISPATCH says less than IRP_MJ_READ about the same routine.
      std::vector<std::string> Refined = Catalog.refinements(D->Role);
      if (any_of(Decls, [&](const RoleDeclaration *X) {
            return is_contained(Refined, X->Role);
          }))
        continue;
      ByRole[D->Role].emplace_back(Function, originOf(*D));
    }
  }

  RoleMap Map;
  Map.Sources.assign(Sources.begin(), Sources.end());
  // Sorted by the name the map gives the role, then numbered by function.
  std::vector<std::pair<std::string, std::string>> Names;
  for (auto &[Role, Functions] : ByRole)
    Names.emplace_back(Catalog.mapName(Role), Role);
  llvm::sort(Names);
  for (auto &[Name, Role] : Names) {
    const auto &Functions = ByRole[Role];
    for (size_t I = 0; I < Functions.size(); ++I) {
      std::string Macro = "fun_" + Name;
      if (Functions.size() > 1)
        Macro += "_" + std::to_string(I + 1);
      Map.Lines.push_back({Macro, Functions[I].first, Functions[I].second});
    }
  }
  return Map;
}

void writeSdvMap(const RoleMap &Map, raw_ostream &OS) {
  OS << "// Role map (sdv-map.h): the driver's entry routines by role, written by\n"
        "// `sdv-lite scan` from the role-type declarations in:\n";
  for (const std::string &Source : Map.Sources)
    OS << "//   " << Source << "\n";
  OS << "// Read by `sdv-lite check --map` (and found next to the bitcode).\n";
  for (const RoleMap::Line &L : Map.Lines)
    OS << "#define " << L.Macro << " " << L.Function << "  // " << L.Origin << "\n";
}

} // namespace sdv
