//===- RoleCatalog.cpp - How drivers register entry routines -------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The roles catalogue (rules/roles.yaml) and the reference tool's role maps
// (sdv-map.h).
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Roles.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/IR/Symbols.h"
#include "sdv/Support/MethodTableYaml.h"
#include "sdv/Support/Yaml.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv::rolesyaml {

struct AliasSpec {
  std::string Name, Role;
};
struct FieldSpec {
  std::string Struct, Field, Role;
  std::vector<std::string> IndexRoles;
};
struct TableFieldSpec {
  std::string Field, Role;
};
struct TableSpec {
  std::vector<std::string> Structs;
  std::vector<TableFieldSpec> Fields;
};
struct DerivedSpec {
  std::string Base, Role;
  std::vector<std::string> BaseFields;
  std::vector<TableFieldSpec> Fields;
};
struct OrderSpec {
  std::string Struct;
  std::vector<std::string> Fields;
};
struct CallSpec {
  std::string Function, Role;
  unsigned Arg = 0;
  std::optional<unsigned> WhenArg;
  uint64_t Equals = 0;
  std::optional<unsigned> IntoArg;
};
struct ByNameSpec {
  std::string Function, Role;
};
struct ArgSpec {
  std::string Function;
  unsigned Arg = 0;
};
struct StepSpec {
  unsigned Arg = 0;
  std::vector<std::string> Args;
};
struct CaseSpec {
  std::string Via;
  std::vector<StepSpec> Steps;
};
struct SequenceSpec {
  std::string RegisteredBy, Name, Role;
  std::vector<CaseSpec> Cases;
};
struct DeclTypeSpec {
  std::string Type, Role;
};
struct CatalogSpec {
  std::vector<std::string> Roles;
  std::vector<AliasSpec> Aliases;
  std::vector<DeclTypeSpec> DeclarationTypes;
  std::vector<std::vector<std::string>> Equivalent;
  std::vector<ByNameSpec> ByName;
  std::vector<FieldSpec> Fields;
  std::vector<TableSpec> Tables;
  std::vector<DerivedSpec> Derived;
  std::vector<OrderSpec> Orders;
  std::vector<CallSpec> Calls;
  std::vector<sdv::MethodTableSpec> MethodTables;
  std::vector<ArgSpec> ReadOnlyArgs;
  std::vector<SequenceSpec> Sequences;
  std::string ExportedRole;
};

} // namespace sdv::rolesyaml

using namespace sdv::rolesyaml;

LLVM_YAML_IS_SEQUENCE_VECTOR(AliasSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(DeclTypeSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(std::vector<std::string>)
LLVM_YAML_IS_SEQUENCE_VECTOR(FieldSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(TableFieldSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(TableSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(DerivedSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(OrderSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(CallSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ByNameSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ArgSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(StepSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(CaseSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(SequenceSpec)

namespace llvm::yaml {
template <> struct MappingTraits<AliasSpec> {
  static void mapping(IO &Io, AliasSpec &A) {
    Io.mapRequired("name", A.Name);
    Io.mapRequired("role", A.Role);
  }
};
template <> struct MappingTraits<DeclTypeSpec> {
  static void mapping(IO &Io, DeclTypeSpec &D) {
    Io.mapRequired("type", D.Type);
    Io.mapRequired("role", D.Role);
  }
};
template <> struct MappingTraits<FieldSpec> {
  static void mapping(IO &Io, FieldSpec &F) {
    Io.mapRequired("struct", F.Struct);
    Io.mapRequired("field", F.Field);
    Io.mapRequired("role", F.Role);
    Io.mapOptional("index-roles", F.IndexRoles);
  }
};
template <> struct MappingTraits<TableFieldSpec> {
  static void mapping(IO &Io, TableFieldSpec &F) {
    Io.mapRequired("field", F.Field);
    Io.mapRequired("role", F.Role);
  }
};
template <> struct MappingTraits<TableSpec> {
  static void mapping(IO &Io, TableSpec &T) {
    Io.mapRequired("structs", T.Structs);
    Io.mapRequired("fields", T.Fields);
  }
};
template <> struct MappingTraits<DerivedSpec> {
  static void mapping(IO &Io, DerivedSpec &D) {
    Io.mapRequired("base", D.Base);
    Io.mapRequired("base-fields", D.BaseFields);
    Io.mapRequired("role", D.Role);
    Io.mapOptional("fields", D.Fields);
  }
};
template <> struct MappingTraits<OrderSpec> {
  static void mapping(IO &Io, OrderSpec &O) {
    Io.mapRequired("struct", O.Struct);
    Io.mapRequired("fields", O.Fields);
  }
};
template <> struct MappingTraits<CallSpec> {
  static void mapping(IO &Io, CallSpec &C) {
    Io.mapRequired("function", C.Function);
    Io.mapRequired("arg", C.Arg);
    Io.mapOptional("role", C.Role);
    Io.mapOptional("when-arg", C.WhenArg);
    Io.mapOptional("equals", C.Equals, uint64_t(0));
    Io.mapOptional("into-arg", C.IntoArg);
  }
};
template <> struct MappingTraits<ByNameSpec> {
  static void mapping(IO &Io, ByNameSpec &B) {
    Io.mapRequired("function", B.Function);
    Io.mapRequired("role", B.Role);
  }
};
template <> struct MappingTraits<ArgSpec> {
  static void mapping(IO &Io, ArgSpec &A) {
    Io.mapRequired("function", A.Function);
    Io.mapRequired("arg", A.Arg);
  }
};
template <> struct MappingTraits<StepSpec> {
  static void mapping(IO &Io, StepSpec &S) {
    Io.mapRequired("arg", S.Arg);
    Io.mapRequired("args", S.Args);
  }
};
template <> struct MappingTraits<CaseSpec> {
  static void mapping(IO &Io, CaseSpec &C) {
    Io.mapRequired("via", C.Via);
    Io.mapRequired("steps", C.Steps);
  }
};
template <> struct MappingTraits<SequenceSpec> {
  static void mapping(IO &Io, SequenceSpec &S) {
    Io.mapRequired("registered-by", S.RegisteredBy);
    Io.mapRequired("name", S.Name);
    Io.mapRequired("role", S.Role);
    Io.mapRequired("cases", S.Cases);
  }
};
template <> struct MappingTraits<CatalogSpec> {
  static void mapping(IO &Io, CatalogSpec &C) {
    Io.mapOptional("roles", C.Roles);
    Io.mapOptional("aliases", C.Aliases);
    Io.mapOptional("declaration-types", C.DeclarationTypes);
    Io.mapOptional("equivalent-roles", C.Equivalent);
    Io.mapOptional("by-name", C.ByName);
    Io.mapOptional("fields", C.Fields);
    Io.mapOptional("tables", C.Tables);
    Io.mapOptional("derived-tables", C.Derived);
    Io.mapOptional("field-orders", C.Orders);
    Io.mapOptional("calls", C.Calls);
    Io.mapOptional("method-tables", C.MethodTables);
    Io.mapOptional("read-only-args", C.ReadOnlyArgs);
    Io.mapOptional("sequences", C.Sequences);
    Io.mapOptional("exported-role", C.ExportedRole);
  }
};
} // namespace llvm::yaml

namespace {

/// A sequence's argument names are identifiers, `&` before a local's; its
/// name may quote a step's routine as `{ARG}`.
Error checkSequence(const SequenceSpec &S, StringRef BufferName) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             BufferName + ": sequence '" + S.Name + "' " + Why);
  };
  if (S.Cases.empty())
    return Fail("has no cases");
  std::vector<unsigned> Args;
  for (const CaseSpec &Case : S.Cases) {
    if (Case.Steps.empty())
      return Fail("case '" + Case.Via + "' has no steps");
    for (const StepSpec &Step : Case.Steps) {
      Args.push_back(Step.Arg);
      for (StringRef Name : Step.Args) {
        Name.consume_front("&");
        if (Name.empty() || isDigit(Name[0]) ||
            !all_of(Name, [](char C) { return isAlnum(C) || C == '_'; }))
          return Fail("names an argument '" + Name + "' that is not an identifier");
      }
    }
  }
  for (StringRef Rest = S.Name; !Rest.empty();) {
    size_t Open = Rest.find('{');
    if (Open == StringRef::npos)
      break;
    size_t Close = Rest.find('}', Open);
    unsigned Arg;
    if (Close == StringRef::npos ||
        Rest.slice(Open + 1, Close).getAsInteger(10, Arg) || !is_contained(Args, Arg))
      return Fail("quotes a routine that is not one of its steps' arguments");
    Rest = Rest.drop_front(Close + 1);
  }
  return Error::success();
}

} // namespace

namespace sdv {

//===----------------------------------------------------------------------===//
// The catalogue
//===----------------------------------------------------------------------===//

namespace {

/// \p Extra's entries after \p Into's.
void append(CatalogSpec &Into, CatalogSpec &Extra) {
  auto Add = [](auto &To, auto &From) {
    To.insert(To.end(), std::make_move_iterator(From.begin()),
              std::make_move_iterator(From.end()));
  };
  Add(Into.Roles, Extra.Roles);
  Add(Into.Aliases, Extra.Aliases);
  Add(Into.DeclarationTypes, Extra.DeclarationTypes);
  Add(Into.Equivalent, Extra.Equivalent);
  Add(Into.ByName, Extra.ByName);
  Add(Into.Fields, Extra.Fields);
  Add(Into.Tables, Extra.Tables);
  Add(Into.Derived, Extra.Derived);
  Add(Into.Orders, Extra.Orders);
  Add(Into.Calls, Extra.Calls);
  Add(Into.MethodTables, Extra.MethodTables);
  Add(Into.ReadOnlyArgs, Extra.ReadOnlyArgs);
  Add(Into.Sequences, Extra.Sequences);
  if (!Extra.ExportedRole.empty())
    Into.ExportedRole = Extra.ExportedRole;
}

} // namespace

Expected<RoleCatalog> RoleCatalog::parse(StringRef Yaml, StringRef BufferName) {
  CatalogSpec Spec;
  if (Error E = readYaml(Yaml, BufferName, Spec))
    return std::move(E);
  return build(Spec, BufferName);
}

Expected<RoleCatalog> RoleCatalog::builtin(ArrayRef<std::string> Extensions) {
  static const struct {
    const char *Name;
    const char *Text;
  } Files[] = {
#include "BuiltinRoles.inc"
  };
  CatalogSpec Spec;
  if (Error E = readYaml(Files[0].Text, Files[0].Name, Spec))
    return std::move(E);
  std::string Name = Files[0].Name;
  for (const std::string &Path : Extensions) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer)
      return createStringError(Buffer.getError(), "cannot read roles file '" + Path +
                                                      "': " + Buffer.getError().message());
    CatalogSpec Extra;
    if (Error E = readYaml((*Buffer)->getBuffer(), Path, Extra))
      return std::move(E);
    append(Spec, Extra);
    Name += " + " + Path;
  }
  return build(Spec, Name);
}

Expected<RoleCatalog> RoleCatalog::build(CatalogSpec &Spec, StringRef BufferName) {
  RoleCatalog C;
  C.Roles = Spec.Roles;
  auto Check = [&](StringRef Role, StringRef Where) -> Error {
    if (is_contained(C.Roles, Role))
      return Error::success();
    return createStringError(inconvertibleErrorCode(),
                             BufferName + ": " + Where + " names unknown role '" +
                                 Role + "'");
  };
  for (AliasSpec &A : Spec.Aliases) {
    if (Error E = Check(A.Role, "alias '" + A.Name + "'"))
      return std::move(E);
    C.Aliases[A.Name] = A.Role;
    C.AliasList.emplace_back(A.Name, A.Role);
  }
  for (DeclTypeSpec &D : Spec.DeclarationTypes) {
    if (Error E = Check(D.Role, "declaration type '" + D.Type + "'"))
      return std::move(E);
    C.DeclarationTypes[D.Type] = D.Role;
  }
  for (std::vector<std::string> &Group : Spec.Equivalent) {
    for (const std::string &R : Group)
      if (Error E = Check(R, "equivalent-roles entry"))
        return std::move(E);
    C.Equivalent.push_back(Group);
  }
  for (ByNameSpec &B : Spec.ByName) {
    if (Error E = Check(B.Role, "by-name entry '" + B.Function + "'"))
      return std::move(E);
    C.Named.push_back({B.Function, B.Role});
  }
  for (FieldSpec &F : Spec.Fields) {
    if (Error E = Check(F.Role, "field '" + F.Struct + "." + F.Field + "'"))
      return std::move(E);
    for (const std::string &R : F.IndexRoles)
      if (Error E = Check(R, "field '" + F.Struct + "." + F.Field + "'"))
        return std::move(E);
    C.Fields.push_back({canonicalTypeName(F.Struct), F.Field, F.Role,
                        F.IndexRoles});
  }
  // A registration table declares the roles of its fields: each role is
  // named after the type the header gives the field.
  for (TableSpec &T : Spec.Tables)
    for (TableFieldSpec &F : T.Fields) {
      if (!is_contained(C.Roles, F.Role))
        C.Roles.push_back(F.Role);
      for (const std::string &Struct : T.Structs)
        C.Fields.push_back({canonicalTypeName(Struct), F.Field, F.Role, {}});
    }
  // A derived table's field roles come before its role for the others.
  for (DerivedSpec &D : Spec.Derived) {
    std::string Base = canonicalTypeName(D.Base);
    for (TableFieldSpec &F : D.Fields) {
      if (!is_contained(C.Roles, F.Role))
        C.Roles.push_back(F.Role);
      C.Fields.push_back({Base, F.Field, F.Role, {}, /*Derived=*/true});
    }
    if (!is_contained(C.Roles, D.Role))
      C.Roles.push_back(D.Role);
    C.Fields.push_back({Base, "", D.Role, {}, /*Derived=*/true});
    C.Derivations.push_back({Base, D.BaseFields});
  }
  for (OrderSpec &O : Spec.Orders)
    C.FieldOrders[canonicalTypeName(O.Struct)] = O.Fields;
  for (CallSpec &Call : Spec.Calls) {
    // A fill takes its role from the field it fills; any other call names it.
    if (Call.IntoArg.has_value() == !Call.Role.empty())
      return createStringError(inconvertibleErrorCode(),
                               BufferName + ": call '" + Call.Function +
                                   "' needs exactly one of 'role' and 'into-arg'");
    if (!Call.IntoArg)
      if (Error E = Check(Call.Role, "call '" + Call.Function + "'"))
        return std::move(E);
    C.Calls.push_back({Call.Function, Call.Arg, Call.Role, Call.WhenArg,
                       Call.Equals, Call.IntoArg});
  }
  C.Methods = sdv::methodSlots(Spec.MethodTables);
  for (const ArgSpec &A : Spec.ReadOnlyArgs)
    C.ReadOnly[A.Function].push_back(A.Arg);
  if (!Spec.ExportedRole.empty())
    if (Error E = Check(Spec.ExportedRole, "exported-role"))
      return std::move(E);
  C.ExportedRole = Spec.ExportedRole;
  for (SequenceSpec &S : Spec.Sequences) {
    if (Error E = checkSequence(S, BufferName))
      return std::move(E);
    // A sequence declares its role, as a table declares its fields'.
    if (!is_contained(C.Roles, S.Role))
      C.Roles.push_back(S.Role);
    SequenceRule Rule{S.RegisteredBy, S.Name, S.Role, {}};
    for (CaseSpec &Case : S.Cases) {
      Rule.Cases.push_back({Case.Via, {}});
      for (StepSpec &Step : Case.Steps)
        Rule.Cases.back().Steps.push_back({Step.Arg, Step.Args});
    }
    C.Sequences.push_back(std::move(Rule));
  }
  return C;
}

bool RoleCatalog::readOnlyArg(StringRef Function, unsigned Arg) const {
  auto It = ReadOnly.find(Function);
  return It != ReadOnly.end() && is_contained(It->second, Arg);
}


std::optional<std::string> RoleCatalog::resolveRole(StringRef Name) const {
  if (is_contained(Roles, Name))
    return Name.str();
  auto It = Aliases.find(Name);
  if (It != Aliases.end())
    return It->second;
  return std::nullopt;
}

std::optional<std::string> RoleCatalog::declarationRole(StringRef Type) const {
  auto It = DeclarationTypes.find(Type);
  if (It != DeclarationTypes.end())
    return It->second;
  if (!is_contained(Roles, Type))
    return std::nullopt;
  for (const FieldRule &F : Fields)
    if (is_contained(F.IndexRoles, Type))
      return std::nullopt;
  return Type.str();
}

std::vector<std::string> RoleCatalog::refinements(StringRef Role) const {
  std::vector<std::string> Out;
  for (const FieldRule &F : Fields)
    if (F.Role == Role)
      for (const std::string &R : F.IndexRoles)
        if (!is_contained(Out, R))
          Out.push_back(R);
  return Out;
}

bool RoleCatalog::compatible(StringRef A, StringRef B) const {
  if (A == B)
    return true;
  for (const FieldRule &F : Fields)
    if ((F.Role == A && is_contained(F.IndexRoles, B)) ||
        (F.Role == B && is_contained(F.IndexRoles, A)))
      return true;
  return any_of(Equivalent, [&](const std::vector<std::string> &Group) {
    return is_contained(Group, A) && is_contained(Group, B);
  });
}

std::string RoleCatalog::mapName(StringRef Role) const {
  for (const auto &[Name, Target] : AliasList)
    if (Target == Role)
      return Name;
  return Role.str();
}

const std::vector<std::string> *RoleCatalog::fieldOrder(StringRef Struct) const {
  auto It = FieldOrders.find(canonicalTypeName(Struct));
  return It == FieldOrders.end() ? nullptr : &It->second;
}

//===----------------------------------------------------------------------===//
// sdv-map.h
//===----------------------------------------------------------------------===//

namespace {

/// \p Text as it may appear in a one-line message: control characters and
/// other bytes that are not printable ASCII escaped, and at most 80 of them.
std::string quoted(StringRef Text) {
  std::string Out;
  raw_string_ostream OS(Out);
  printEscapedString(Text.take_front(80), OS);
  if (Text.size() > 80)
    OS << "...";
  return Out;
}

} // namespace

Expected<std::vector<DeclaredEntry>>
parseSdvMap(StringRef Text, StringRef FileName, const RoleCatalog &Catalog) {
  std::vector<DeclaredEntry> Entries;
  bool InComment = false;
  unsigned LineNo = 0;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines) {
    ++LineNo;
    auto Fail = [&](const Twine &Message) {
      return createStringError(inconvertibleErrorCode(),
                               FileName + ":" + Twine(LineNo) + ": " + Message);
    };
    // Drop comments, including block comments spanning lines.
    std::string Code;
    for (size_t I = 0; I < Line.size(); ++I) {
      if (InComment) {
        if (Line.substr(I).startswith("*/")) {
          InComment = false;
          ++I;
        }
        continue;
      }
      if (Line.substr(I).startswith("/*")) {
        InComment = true;
        ++I;
        continue;
      }
      if (Line.substr(I).startswith("//"))
        break;
      Code += Line[I];
    }
    StringRef Stmt = StringRef(Code).trim();
    if (Stmt.empty())
      continue;
    if (!Stmt.consume_front("#"))
      return Fail("expected '#define fun_<ROLE> <function>', found '" + quoted(Stmt) + "'");
    Stmt = Stmt.ltrim();
    if (!Stmt.consume_front("define") || (!Stmt.empty() && !isSpace(Stmt.front())))
      continue; // Include guards, #pragma once and the like.
    // The preprocessor separates words by any blank, not only spaces.
    SmallVector<StringRef, 3> Words;
    SplitString(Stmt, Words, " \t\v\f\r");
    if (Words.empty())
      return Fail("'#define' without a name");
    StringRef Macro = Words[0].trim();
    if (!Macro.consume_front("fun_"))
      continue; // Other macros are not role declarations.
    if (Words.size() < 2)
      return Fail("'fun_" + quoted(Macro) + "' names no function");
    if (Words.size() > 2)
      return Fail("'fun_" + quoted(Macro) + "' must be followed by exactly one function name");
    StringRef Function = Words[1].trim();
    if (Function.empty() || !all_of(Function, [](char C) {
          return isAlnum(C) || C == '_';
        }) || isDigit(Function.front()))
      return Fail("'" + quoted(Function) + "' is not a function name");
    std::optional<std::string> Role = Catalog.resolveRole(Macro);
    // Several routines of one role are numbered: fun_DRIVER_CANCEL_1.
    if (!Role) {
      StringRef Stem = Macro.rtrim("0123456789");
      if (Stem.size() < Macro.size() && Stem.consume_back("_"))
        Role = Catalog.resolveRole(Stem);
    }
    if (!Role)
      return Fail("unknown role '" + quoted(Macro) + "'");
    Entries.push_back({Function.str(), *Role,
                       (FileName + ":" + Twine(LineNo)).str(), false});
  }
  return Entries;
}

//===----------------------------------------------------------------------===//
// Export lists
//===----------------------------------------------------------------------===//

std::vector<DeclaredEntry> parseExports(StringRef Text, StringRef FileName,
                                        StringRef Role) {
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n');
  bool Def = any_of(Lines, [](StringRef L) {
    L = L.trim();
    return L == "EXPORTS" || L.starts_with("EXPORTS ") || L.starts_with("EXPORTS\t");
  });
  std::vector<DeclaredEntry> Out;
  bool InExports = false;
  for (size_t N = 0; N < Lines.size(); ++N) {
    StringRef Line = Lines[N];
    Line = Line.split(Def ? ';' : '#').first.trim();
    if (Line.empty())
      continue;
    SmallVector<StringRef, 8> Words;
    Line.split(Words, ' ', -1, /*KeepEmpty=*/false);
    for (StringRef &W : Words)
      W = W.trim();
    std::string Name;
    if (Def) {
      // Sections other than EXPORTS (LIBRARY, SECTIONS ...) name no export.
      static const char *const Statements[] = {
          "NAME",    "LIBRARY", "DESCRIPTION", "STACKSIZE", "HEAPSIZE", "SECTIONS",
          "EXPORTS", "VERSION", "CODE",        "DATA",      "IMPORTS",  "SEGMENTS"};
      if (is_contained(Statements, Words[0])) {
        InExports = Words[0] == "EXPORTS";
        if (!InExports || Words.size() == 1)
          continue;
        Words.erase(Words.begin());
      }
      if (!InExports || is_contained(Words, "DATA"))
        continue;
      auto [Exported, Internal] = Words[0].split('=');
      StringRef Target = Internal.empty() ? Exported : Internal;
      if (Target.contains('.'))
        continue;
      Name = Target.str();
    } else {
      // ORDINAL KIND [-FLAGS...] NAME[(ARGS)] [INTERNAL]
      if (Words.size() < 3 || (Words[0] != "@" && !all_of(Words[0], isDigit)))
        continue;
      StringRef Kind = Words[1];
      if (Kind != "stdcall" && Kind != "cdecl" && Kind != "fastcall" &&
          Kind != "thiscall" && Kind != "varargs")
        continue;
      size_t I = 2;
      while (I < Words.size() && Words[I].starts_with("-"))
        ++I;
      if (I == Words.size())
        continue;
      // The arguments may contain spaces: the internal name follows `)`.
      StringRef Rest = Line.substr(Words[I].data() - Line.data());
      StringRef Exported = Rest.take_until([](char C) { return C == '(' || C == ' '; });
      size_t Close = Rest.find(')');
      StringRef Internal =
          Close == StringRef::npos ? StringRef() : Rest.substr(Close + 1).trim();
      StringRef Target = Internal.empty() ? Exported : Internal;
      if (Target.contains('.') || Target.empty())
        continue;
      Name = Target.str();
    }
    DeclaredEntry E;
    E.Function = Name;
    E.Role = Role.str();
    E.Origin = (FileName + ":" + Twine(N + 1)).str();
    E.Strict = false;
    E.Reach = true;
    Out.push_back(std::move(E));
  }
  return Out;
}

} // namespace sdv
