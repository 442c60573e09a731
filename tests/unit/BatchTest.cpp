#include "sdv/Driver/Batch.h"
#include "sdv/Driver/Build.h"

#include "llvm/Support/Error.h"

#include <catch2/catch.hpp>

#include <set>

using namespace sdv;

namespace {

bool shardFails(llvm::StringRef Text) {
  llvm::Expected<Shard> S = parseShard(Text);
  if (S)
    return false;
  llvm::consumeError(S.takeError());
  return true;
}

DriverResult withVerdicts(std::vector<Verdict> Verdicts, unsigned Findings = 0) {
  DriverResult D;
  D.Report.emplace();
  for (Verdict V : Verdicts)
    D.Report->Verdicts.push_back({"R", V, Findings, 1, ""});
  D.Report->Findings.resize(Findings);
  return D;
}

} // namespace

TEST_CASE("shards are parsed as K/N with 1 <= K <= N", "[batch]") {
  llvm::Expected<Shard> S = parseShard("2/3");
  REQUIRE(bool(S));
  CHECK(S->Index == 2);
  CHECK(S->Count == 3);
  CHECK(shardFails("0/2"));
  CHECK(shardFails("3/2"));
  CHECK(shardFails("1/0"));
  CHECK(shardFails("2"));
  CHECK(shardFails("a/b"));
}

TEST_CASE("the shards of a set of drivers partition it", "[batch]") {
  std::vector<DriverSpec> All;
  for (int I = 0; I < 40; ++I)
    All.push_back({"driver" + std::to_string(I), {}, "", {}, ""});
  std::set<std::string> Seen;
  for (unsigned K = 1; K <= 3; ++K) {
    std::vector<DriverSpec> Part = selectShard(All, {K, 3});
    CHECK(!Part.empty());
    for (const DriverSpec &D : Part)
      CHECK(Seen.insert(D.Name).second);
  }
  CHECK(Seen.size() == All.size());
  // A driver's shard depends on its name only.
  std::vector<DriverSpec> One = {All[7]};
  bool InShard1 = !selectShard(One, {1, 3}).empty();
  bool WasInShard1 = false;
  for (const DriverSpec &D : selectShard(All, {1, 3}))
    WasInShard1 |= D.Name == All[7].Name;
  CHECK(InShard1 == WasInShard1);
}

TEST_CASE("a driver's verdict combines its rules'", "[batch]") {
  CHECK(DriverResult().verdict() == DriverVerdict::Error);
  CHECK(withVerdicts({Verdict::Pass, Verdict::Defect}, 1).verdict() == DriverVerdict::Defect);
  CHECK(withVerdicts({Verdict::Timeout, Verdict::Defect}, 1).verdict() ==
        DriverVerdict::Defect);
  CHECK(withVerdicts({Verdict::Pass, Verdict::Spaceout}).verdict() == DriverVerdict::Spaceout);
  CHECK(withVerdicts({Verdict::NotApplicable, Verdict::Pass}).verdict() == DriverVerdict::Pass);
  CHECK(withVerdicts({Verdict::NotApplicable}).verdict() == DriverVerdict::NotApplicable);
}

TEST_CASE("a batch exits 2 on Error, else 1 on defects, else 3 if stopped", "[batch]") {
  BatchResults Results;
  Results.push_back(withVerdicts({Verdict::Pass}));
  CHECK(batchExitCode(Results) == 0);
  Results.push_back(withVerdicts({Verdict::Timeout}));
  CHECK(batchExitCode(Results) == 3);
  Results.push_back(withVerdicts({Verdict::Defect}, 2));
  CHECK(batchExitCode(Results) == 1);
  Results.push_back(DriverResult());
  CHECK(batchExitCode(Results) == 2);
}

TEST_CASE("compile commands are rewritten to write bitcode", "[batch]") {
  std::vector<std::string> Gnu = bitcodeCommand(
      {"/usr/bin/cc", "-DX=1", "-Iinc", "-MD", "-MF", "a.d", "-c", "a.c", "-o", "a.o",
       "-MTa.o", "-O0"},
      "/opt/clang-16", "/out/a.bc");
  CHECK(Gnu == std::vector<std::string>{"/opt/clang-16", "-DX=1", "-Iinc", "a.c", "-O0",
                                        "-c", "-emit-llvm", "-g", "-gcolumn-info", "-o",
                                        "/out/a.bc"});
  std::vector<std::string> Cl = bitcodeCommand(
      {"C:/VS/bin/cl.exe", "/nologo", "/c", "/DX=1", "/Iinc", "a.c", "/Foa.obj", "/Fda.pdb",
       "-Fob.obj"},
      "clang-16", "/out/a.bc");
  CHECK(Cl == std::vector<std::string>{"clang-16", "--driver-mode=cl", "/nologo", "/DX=1",
                                       "/Iinc", "a.c", "/c", "/Z7", "/clang:-emit-llvm",
                                       "/clang:-gcolumn-info", "/clang:-o",
                                       "/clang:/out/a.bc"});
}
