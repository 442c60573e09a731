#include "sdv/IR/Symbols.h"

#include <catch2/catch.hpp>

using sdv::normalizeSymbol;

TEST_CASE("x86 decorations are stripped", "[symbols]") {
  CHECK(normalizeSymbol("\1@KfAcquireSpinLock@4") == "KfAcquireSpinLock");
  CHECK(normalizeSymbol("\1@KfReleaseSpinLock@8") == "KfReleaseSpinLock");
  CHECK(normalizeSymbol("\1_KeInitializeDpc@12") == "KeInitializeDpc");
  CHECK(normalizeSymbol("@KefAcquireSpinLockAtDpcLevel@4") ==
        "KefAcquireSpinLockAtDpcLevel");
  CHECK(normalizeSymbol("_DriverEntry@8") == "DriverEntry");
}

TEST_CASE("undecorated names are kept", "[symbols]") {
  CHECK(normalizeSymbol("KeAcquireSpinLockRaiseToDpc") ==
        "KeAcquireSpinLockRaiseToDpc");
  // A C name may begin with an underscore; only decoration is removed.
  CHECK(normalizeSymbol("_InterlockedExchange") == "_InterlockedExchange");
  CHECK(normalizeSymbol("name@") == "name@");
  CHECK(normalizeSymbol("a@b") == "a@b");
  CHECK(normalizeSymbol("") == "");
}
