#!/usr/bin/env python3
"""Tests of the oracle itself: small program trees whose violations are
worked out by hand, and properties of the generator.

Lines are set on the nodes directly (no C is written): each case says which
line each statement stands for.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import generate  # noqa: E402
from oracle import violations  # noqa: E402
import tracecheck  # noqa: E402
from program import (Acquire, Assign, Break, Call, CallExpr, CallStmt, Const, Continue,  # noqa: E402
                     Decl, Fresh, Function, If, Lock, LockRef, Loop, Not, Program, Release,
                     Return, Try, Var, render)

DA, RWA, HAE = "double-acquire", "release-without-acquire", "held-at-exit"
L0, L1 = LockRef(lock=0), LockRef(lock=1)
P = LockRef(param="Lock")


def at(line, node):
    """node, standing for source line `line` (and the calls and
    try-acquires in its expression, as render() does)."""
    node.line = line
    if isinstance(node, CallStmt):
        node.call.line = line
    e = getattr(node, "cond", None) or getattr(node, "expr", None)
    while isinstance(e, Not):
        e = e.expr
    if isinstance(e, Try):
        e.line = line
    elif isinstance(e, CallExpr):
        e.call.line = line
    return node


def acq(line, ref=L0):
    return at(line, Acquire(ref, "raise"))


def rel(line, ref=L0):
    return at(line, Release(ref, "raise"))


def ret(line, expr="STATUS_SUCCESS"):
    return at(line, Return(expr))


def program(entries, helpers=(), locks=2, family="spinlock"):
    prog = Program(0, "x64", family)
    prog.locks = [Lock(i, "Lock" + "AB"[i], "global") for i in range(locks)]
    driver_entry = Function("DriverEntry", "DriverEntry", "NTSTATUS")
    driver_entry.body = [ret(900)]
    driver_entry.end_line = 901
    prog.entries = [driver_entry] + list(entries)
    prog.helpers = list(helpers)
    return prog


def entry(body, ret_type="NTSTATUS", end=100, name="Dispatch"):
    fn = Function(name, "dispatch" if ret_type == "NTSTATUS" else "dpc", ret_type)
    fn.body = body
    fn.end_line = end
    return fn


def helper(name, body, ret_type="VOID", lock_params=(), flag_params=()):
    fn = Function(name, None, ret_type, lock_params, flag_params)
    fn.body = body
    fn.end_line = 500
    return fn


class Automaton(unittest.TestCase):
    def test_double_acquire_then_untracked(self):
        # The second acquire is the defect; the lock is then dropped from the
        # path: the releases and the return say nothing more.
        prog = program([entry([acq(1), acq(2), rel(3), rel(4), ret(5)])])
        self.assertEqual(violations(prog), {(DA, 2)})

    def test_release_without_acquire_then_untracked(self):
        prog = program([entry([rel(1), acq(2), ret(3)])])
        self.assertEqual(violations(prog), {(RWA, 1)})

    def test_locks_are_separate(self):
        prog = program([entry([acq(1, L0), acq(2, L1), rel(3, L0), ret(4)])])
        self.assertEqual(violations(prog), {(HAE, 4)})

    def test_held_at_return_and_at_closing_brace(self):
        early = at(2, If(Fresh("Count0"), [ret(3, "STATUS_PENDING")], []))
        prog = program([entry([acq(1), early, rel(4), ret(5)]),
                        entry([acq(11)], "VOID", end=12, name="Dpc")])
        self.assertEqual(violations(prog), {(HAE, 3), (HAE, 12)})


class Paths(unittest.TestCase):
    def test_correlated_flag(self):
        body = [Decl("Busy", Fresh("Busy", test=False)),
                at(1, If(Var("Busy"), [acq(2)], [])),
                at(3, If(Var("Busy"), [rel(4)], [])), ret(5)]
        self.assertEqual(violations(program([entry(body)])), set())

    def test_assignment_between_tests(self):
        body = [Decl("Busy", Fresh("Busy", test=False)),
                at(1, If(Var("Busy"), [acq(2)], [])),
                at(3, Assign("Busy", Const(False))),
                at(4, If(Var("Busy"), [rel(5)], [])), ret(6)]
        self.assertEqual(violations(program([entry(body)])), {(HAE, 6)})

    def test_fresh_reads_are_independent(self):
        body = [at(1, If(Fresh("Count0"), [acq(2)], [])),
                at(3, If(Fresh("Count1"), [rel(4)], [])), ret(5)]
        self.assertEqual(violations(program([entry(body)])), {(HAE, 5), (RWA, 4)})

    def test_try_acquire(self):
        # TRUE: acquired; FALSE: nothing happened.
        ok = [at(1, If(Try(L0), [rel(2)], [])), ret(3)]
        self.assertEqual(violations(program([entry(ok)])), set())
        leak = [at(1, If(Not(Try(L0)), [ret(2, "STATUS_PENDING")], [])), ret(3)]
        self.assertEqual(violations(program([entry(leak)])), {(HAE, 3)})

    def test_try_acquire_while_held(self):
        # A TRUE result is a double acquire (then untracked); FALSE leaves the
        # lock held, so the FALSE path still leaks it.
        body = [acq(1), at(2, If(Try(L0), [], [])), ret(3)]
        self.assertEqual(violations(program([entry(body)])), {(DA, 2), (HAE, 3)})

    def test_try_result_kept_in_a_flag(self):
        body = [Decl("Got", Const(False)), at(1, Assign("Got", Try(L0))),
                at(2, If(Var("Got"), [rel(3)], [])), ret(4)]
        self.assertEqual(violations(program([entry(body)])), set())


class Loops(unittest.TestCase):
    def test_counted_loop_runs_exactly(self):
        once = [at(1, Loop([acq(2)], count=1, counter="i")), rel(3), ret(4)]
        self.assertEqual(violations(program([entry(once)])), set())
        twice = [at(1, Loop([acq(2)], count=2, counter="i")), ret(4)]
        self.assertEqual(violations(program([entry(twice)])), {(DA, 2)})

    def test_counted_loop_uncounted(self):
        # Any number of iterations, zero included.
        once = [at(1, Loop([acq(2)], count=1, counter="i")), rel(3), ret(4)]
        self.assertEqual(violations(program([entry(once)]), uncounted=True),
                         {(DA, 2), (RWA, 3)})

    def test_while_loop_any_number(self):
        body = [at(1, Loop([acq(2)], fresh=Fresh("Count0"))), ret(3)]
        self.assertEqual(violations(program([entry(body)])), {(DA, 2), (HAE, 3)})

    def test_while_loop_first_test_reads_the_field(self):
        # Count0 has one value in the run: the loop runs when the lock was
        # taken, and releases it once.
        body = [at(1, If(Fresh("Count0"), [acq(2)], [])),
                at(3, Loop([rel(4), at(5, Break())], fresh=Fresh("Count0"))), ret(6)]
        self.assertEqual(violations(program([entry(body)])), set())
        self.assertEqual(violations(program([entry(body)]), True, True), {(RWA, 4), (HAE, 6)})

    def test_break_and_continue(self):
        # Each iteration takes the lock; `continue` skips the release, `break`
        # leaves with it held.
        body = [at(1, Loop([acq(2),
                            at(3, If(Fresh("Count1"), [at(4, Continue())], [])),
                            at(5, If(Fresh("Count2"), [at(6, Break())], [])),
                            rel(7)], count=2, counter="i")), ret(8)]
        self.assertEqual(violations(program([entry(body)])), {(DA, 2), (HAE, 8)})


class Calls(unittest.TestCase):
    def test_helper_runs_in_callers_context(self):
        take = helper("Take", [acq(20, P)], lock_params=["Lock"])
        body = [acq(1), at(2, CallStmt(Call("Take", [L0], []))), ret(3)]
        self.assertEqual(violations(program([entry(body)], [take])), {(DA, 20)})

    def test_wrapper_pairs_and_parameters(self):
        lock = helper("LockIt", [acq(20, P)], lock_params=["Lock"])
        unlock = helper("UnlockIt", [at(30, If(Var("NeedLock"), [rel(31, P)], []))],
                        lock_params=["Lock"], flag_params=["NeedLock"])
        body = [at(1, CallStmt(Call("LockIt", [L1], []))),
                at(2, CallStmt(Call("UnlockIt", [L1], [Const(True)]))),
                at(3, CallStmt(Call("UnlockIt", [L0], [Const(False)]))), ret(4)]
        prog = program([entry(body)], [lock, unlock])
        self.assertEqual(violations(prog), set())

    def test_return_value_correlates_with_the_lock(self):
        lock_if = helper("LockIf", [at(20, If(Fresh("Count0"), [acq(21, P),
                                                               at(22, Return(Const(True)))],
                                              [])),
                                    at(23, Return(Const(False)))], "BOOLEAN", ["Lock"])
        body = [at(1, If(CallExpr(Call("LockIf", [L0], [])), [rel(2)], [])), ret(3)]
        self.assertEqual(violations(program([entry(body)], [lock_if])), set())

    def test_helpers_return_is_not_an_exit(self):
        leak = helper("Leak", [acq(20)])
        body = [at(1, CallStmt(Call("Leak", [], []))), rel(2), ret(3)]
        self.assertEqual(violations(program([entry(body)], [leak])), set())


class Handles(unittest.TestCase):
    """Families whose release names a lock handle (queued, Storport)."""

    def run_queued(self, body, helpers=()):
        return violations(program([entry(body)], helpers, family="queued"))

    def test_unbound_handle_releases_an_unknown_lock(self):
        # The first release is the unknown lock's violation, which is then
        # untracked; the program's lock is still tracked.
        self.assertEqual(self.run_queued([rel(1), rel(2), acq(3), acq(4), ret(5)]),
                         {(RWA, 1), (DA, 4)})

    def test_binding_outlives_the_release(self):
        self.assertEqual(self.run_queued([acq(1), rel(2), rel(3), ret(4)]), {(RWA, 3)})

    def test_helper_releases_and_binds_again(self):
        around = helper("DropAround", [rel(20, P), acq(21, P)], lock_params=["Lock"])
        body = [acq(1), at(2, CallStmt(Call("DropAround", [L0], []))), rel(3), ret(4)]
        self.assertEqual(self.run_queued(body, [around]), set())
        self.assertEqual(self.run_queued(body[1:], [around]), {(RWA, 20)})

    def test_spin_locks_have_no_handles(self):
        self.assertEqual(violations(program([entry([rel(1), rel(2), ret(3)])])), {(RWA, 1)})


class Generator(unittest.TestCase):
    def test_deterministic(self):
        for seed in (1, 2, 99):
            self.assertEqual(render(generate(seed)), render(generate(seed)))

    def test_every_family_is_written(self):
        families = {generate(seed).family for seed in range(1, 41)}
        self.assertEqual(families, {"spinlock", "queued", "cancel", "storport"})

    def test_cancel_programs_have_one_lock(self):
        for seed in range(1, 201):
            prog = generate(seed)
            if prog.family == "cancel":
                self.assertEqual(len(prog.locks), 1, seed)

    def test_coarser_oracles_include_the_exact_one(self):
        for seed in range(1, 201):
            prog = generate(seed)
            render(prog)
            exact = violations(prog)
            loops = violations(prog, uncounted=True)
            self.assertLessEqual(exact, loops, seed)
            self.assertLessEqual(loops, violations(prog, True, True), seed)


def step(kind, line, depth=0, takes=None):
    s = {"kind": kind, "message": kind, "depth": depth,
         "location": {"file": "d.c", "path": "/d.c", "line": line, "column": 5}}
    if takes is not None:
        s["takesTrue"] = takes
    return s


def defect(violation, trace, rule="SpinLockDpc", role="IRP_MJ_READ"):
    return {"rule": rule, "violation": violation, "role": role, "entryRoutine": "Dispatch",
            "location": trace[-1]["location"], "trace": trace}


class TraceCheck(unittest.TestCase):
    """tracecheck.py on hand-made traces against the built-in rules."""
    RULES = tracecheck.load_rules(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                               "..", "..", "rules"))

    def problems(self, *defects):
        return [why for _, why in tracecheck.check({"defects": list(defects)}, self.RULES)]

    def test_consistent_traces_pass(self):
        self.assertEqual(self.problems(
            defect(DA, [step("entry", 1), step("acquire", 3), step("call", 4),
                        step("violation", 9, depth=1)]),
            defect(RWA, [step("entry", 1), step("acquire", 3), step("release", 4),
                         step("violation", 5)]),
            defect(HAE, [step("entry", 1), step("acquire", 3), step("branch", 4, takes=True),
                         step("violation", 5)]),
            # A cancel routine starts holding the cancel spin lock.
            defect(HAE, [step("entry", 1), step("violation", 5)], rule="CancelSpinLock",
                   role="DRIVER_CANCEL")), [])

    def test_a_stitched_trace_is_caught(self):
        # The second acquire would itself be the violation.
        self.assertEqual(len(self.problems(
            defect(DA, [step("entry", 1), step("acquire", 3), step("acquire", 6),
                        step("violation", 9)]))), 1)

    def test_a_violation_the_state_does_not_give_is_caught(self):
        self.assertEqual(len(self.problems(
            defect(DA, [step("entry", 1), step("violation", 9)]),
            defect(HAE, [step("entry", 1), step("acquire", 3), step("release", 4),
                         step("violation", 5)]),
            defect(HAE, [step("entry", 1), step("violation", 5)]))), 3)


if __name__ == "__main__":
    unittest.main()
