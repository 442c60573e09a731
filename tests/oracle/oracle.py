"""The reference: every violation of a generated program's rule, by brute force.

Each entry routine is run on the program tree from "every lock released",
along every path: both values of every flag read from memory and of every
entry parameter tested against NULL, both outcomes of every try-acquire,
exactly `count` iterations of a counted loop and, for a `while` loop, the
first test by its field's value in the run, then any number of iterations,
helpers run in their caller's context (inlined). A flag keeps its value for
its function's activation unless assigned. Memory is sequential,
as the reference tool's model is (and sdv-lite's, within a function and
through the lock helpers it inlines): a field of the device extension has
one value for a whole entry routine's run, whichever function reads it
(nothing in the generated programs writes one).

Each lock runs the rule's automaton on each path: released --acquire-->
held --release--> released; acquire while held is a double-acquire, release
while released a release-without-acquire, and an entry routine leaving
(return, or falling off the end of a VOID routine) while it holds the lock
a held-at-exit. A try-acquire is an acquire when it returns TRUE and
nothing when it returns FALSE (the rule's `outcome: on-nonzero-result`).
After its first violation on a path a lock is no longer tracked on that
path (sdv-lite's documented convention, tests/lit/check/README.md).

The families whose release names a lock handle (in-stack queued spin locks,
Storport's) give each lock a handle of its own; an acquire binds it, and
binds it for the rest of the run. A release through a handle no acquire has
bound yet releases no lock of the program: it is a release-without-acquire
of the unknown lock the handle stands for, which is then no longer tracked
either. The cancel spin lock family has one lock.

The result is the set of
(violation, line): the line of the acquire or release call, of the `if`
holding a try-acquire, of the `return`, or of the closing brace.

Paths are explored as sets of states (flag values, lock states) at each
program point, which visits every reachable state, so every violation some
path reaches, without enumerating paths one by one.
"""
from program import (Acquire, Assign, Break, CallExpr, CallStmt, Const, Continue, Decl, Fresh,
                     If, Loop, Not, Param, Release, Return, Try, Var)

RELEASED, HELD, DROPPED = "released", "held", "dropped"
# A lock handle's states (families with handles): bound to its lock, or
# not yet, before or after the release through it that was a violation.
BOUND, UNBOUND = "bound", "unbound"
DOUBLE_ACQUIRE = "double-acquire"
RELEASE_WITHOUT_ACQUIRE = "release-without-acquire"
HELD_AT_EXIT = "held-at-exit"
# (state, event) -> (state, violation): the rule's automaton, per lock. A
# lock is dropped from the path after its first violation.
TRANSITIONS = {
    (RELEASED, "acquire"): (HELD, None),
    (HELD, "release"): (RELEASED, None),
    (HELD, "acquire"): (DROPPED, DOUBLE_ACQUIRE),
    (RELEASED, "release"): (DROPPED, RELEASE_WITHOUT_ACQUIRE),
}


class _Out:
    """Where the states leaving a statement go."""

    def __init__(self):
        self.normal = set()
        self.brk = set()
        self.cont = set()
        self.ret = set()  # (locks, value, line)

    def join(self, other):
        self.brk |= other.brk
        self.cont |= other.cont
        self.ret |= other.ret


def _set(env, var, value):
    d = dict(env)
    d[var] = value
    return tuple(sorted(d.items()))


# Environment keys of the fields read so far (a local's name never starts so).
FIELD = "@"


def _fields(env):
    """The fields in env, as a sorted tuple."""
    return tuple((k, v) for k, v in env if k.startswith(FIELD))


def _with_fields(env, fields):
    """env with the field values of `fields` added."""
    d = dict(env)
    d.update(fields)
    return tuple(sorted(d.items()))


def _lock_set(locks, index, state):
    return locks[:index] + (state,) + locks[index + 1:]


class Oracle:
    def __init__(self, prog, uncounted=False, uncorrelated=False):
        """The exact oracle by default. Coarser ones, whose paths include the
        exact ones, bound the reports of an analysis that (as sdv-lite
        documents, see README.md) tracks no loop counter or does not keep
        every correlation between branches: uncounted, a counted loop runs
        any number of times, zero included; uncorrelated, every condition
        but a try-acquire takes both ways."""
        self.handles = prog.family in ("queued", "storport")
        self.uncounted = uncounted
        self.uncorrelated = uncorrelated
        self.prog = prog
        self.found = set()
        self.results = {}  # (function, bindings and fields, locks) -> how it returns
        self.memo = {}  # the same, computed in this pass
        self.active = set()
        self.cycle = False

    def violations(self):
        """Runs every entry routine. A helper that calls itself (once, with
        `Again` FALSE) needs one pass; where the coarse oracle lets that
        recursion go on, a call that is already running takes its result so
        far (first none) and passes repeat until results stop growing: every
        result is reachable, so is every violation found on the way."""
        # The locks' states, then (families with handles) their handles'.
        start = tuple(RELEASED for _ in self.prog.locks)
        if self.handles:
            start += tuple(UNBOUND for _ in self.prog.locks)
        while True:
            before = dict(self.results)
            self.memo, self.cycle = {}, False
            exits = set()
            for fn in self.prog.entries:
                exits |= self.run(fn, (), (), start)
            if not self.cycle or self.results == before:
                break
        for locks, _, line, _ in exits:
            if HELD in locks:
                self.found.add((HELD_AT_EXIT, line))
        return self.found

    # --- functions ---

    def run(self, fn, lock_binding, flag_binding, locks):
        """The (locks, return value, line) by which fn returns; lock_binding
        maps its lock parameters to lock indexes, flag_binding its BOOLEAN
        parameters to values."""
        key = (fn.name, lock_binding, flag_binding, locks)
        if key in self.memo:
            return self.memo[key]
        if key in self.active:
            if not self.uncorrelated:
                raise RuntimeError("unbounded recursion in " + fn.name)
            self.cycle = True
            return self.results.get(key, frozenset())
        self.active.add(key)
        ctx = (fn, dict(lock_binding))
        out = self.block(fn.body, {(tuple(sorted(flag_binding)), locks)}, ctx)
        assert not out.brk and not out.cont
        result = set(out.ret)
        if out.normal:
            assert fn.ret == "VOID", fn.name + " can fall off its end"
            result |= {(lk, None, fn.end_line, _fields(env)) for env, lk in out.normal}
        self.active.discard(key)
        self.memo[key] = self.results[key] = frozenset(result)
        return self.memo[key]

    def call(self, call, env, locks, ctx):
        """[(value, locks, env)] for each way the callee returns (env with
        the fields the callee read)."""
        callee = self.prog.function(call.callee)
        lock_binding = tuple(zip(callee.lock_params,
                                 (self.lock(a, ctx) for a in call.lock_args)))
        flag_binding = list(_fields(env))
        for name, arg in zip(callee.flag_params, call.flag_args):
            (value, _, _), = self.expr(arg, env, locks, ctx)  # Const or Var: one value
            flag_binding.append((name, value))
        return [(v, lk, _with_fields(env, fields))
                for lk, v, _, fields in self.run(callee, lock_binding,
                                                 tuple(sorted(flag_binding)), locks)]

    # --- locks ---

    def lock(self, ref, ctx):
        return ctx[1][ref.param] if ref.param is not None else ref.lock

    def event(self, locks, index, event, line):
        """The locks after `event` on lock `index` at `line`."""
        if self.handles:
            handle = len(self.prog.locks) + index
            if event == "acquire":
                locks = _lock_set(locks, handle, BOUND)
            elif locks[handle] == UNBOUND:
                self.found.add((RELEASE_WITHOUT_ACQUIRE, line))
                return _lock_set(locks, handle, DROPPED)
            elif locks[handle] == DROPPED:
                return locks
        if locks[index] == DROPPED:
            return locks
        state, violation = TRANSITIONS[locks[index], event]
        if violation:
            self.found.add((violation, line))
        return _lock_set(locks, index, state)

    # --- expressions: [(value, locks, env)] ---

    def expr(self, e, env, locks, ctx):
        if isinstance(e, Const):
            return [(e.value, locks, env)]
        if isinstance(e, Var):
            return [(dict(env)[e.name], locks, env)]
        if isinstance(e, Fresh):
            # A field read: the value this run's memory holds, the first read
            # choosing it.
            known = dict(env).get(FIELD + e.field)
            if known is not None:
                return [(known, locks, env)]
            return [(v, locks, _set(env, FIELD + e.field, v)) for v in (True, False)]
        if isinstance(e, Param):
            return [(True, locks, env), (False, locks, env)]
        if isinstance(e, Not):
            return [(not v, lk, en) for v, lk, en in self.expr(e.expr, env, locks, ctx)]
        if isinstance(e, Try):
            # The rule's try-acquire event happens on a TRUE result only
            # (`outcome: on-nonzero-result`): FALSE leaves the lock as it was.
            index = self.lock(e.lock, ctx)
            return [(True, self.event(locks, index, "acquire", e.line), env),
                    (False, locks, env)]
        if isinstance(e, CallExpr):
            return self.call(e.call, env, locks, ctx)
        raise TypeError(e)

    # --- statements ---

    def block(self, stmts, states, ctx):
        out = _Out()
        for s in stmts:
            step = self.stmt(s, states, ctx)
            out.join(step)
            states = step.normal
        out.normal = states
        return out

    def stmt(self, s, states, ctx):
        out = _Out()
        if isinstance(s, (Decl, Assign)):
            e = s.init if isinstance(s, Decl) else s.expr
            for env, locks in states:
                for v, lk, en in self.expr(e, env, locks, ctx):
                    out.normal.add((_set(en, s.var, v), lk))
        elif isinstance(s, (Acquire, Release)):
            event = "acquire" if isinstance(s, Acquire) else "release"
            for env, locks in states:
                out.normal.add((env, self.event(locks, self.lock(s.lock, ctx), event, s.line)))
        elif isinstance(s, CallStmt):
            for env, locks in states:
                out.normal |= {(en, lk) for _, lk, en in self.call(s.call, env, locks, ctx)}
        elif isinstance(s, If):
            then, orelse = set(), set()
            keep = not self.uncorrelated or isinstance(s.cond, Try) or (
                isinstance(s.cond, Not) and isinstance(s.cond.expr, Try))
            for env, locks in states:
                for v, lk, en in self.expr(s.cond, env, locks, ctx):
                    if keep:
                        (then if v else orelse).add((en, lk))
                    else:
                        then.add((en, lk))
                        orelse.add((en, lk))
            a = self.block(s.then, then, ctx)
            b = self.block(s.orelse, orelse, ctx)
            out.join(a)
            out.join(b)
            out.normal = a.normal | b.normal
        elif isinstance(s, Loop):
            self.loop(s, states, ctx, out)
        elif isinstance(s, Break):
            out.brk = set(states)
        elif isinstance(s, Continue):
            out.cont = set(states)
        elif isinstance(s, Return):
            for env, locks in states:
                if s.expr is None or isinstance(s.expr, str):
                    out.ret.add((locks, None, s.line, _fields(env)))
                else:
                    for v, lk, en in self.expr(s.expr, env, locks, ctx):
                        out.ret.add((lk, v, s.line, _fields(en)))
        else:
            raise TypeError(s)
        return out

    def loop(self, s, states, ctx, out):
        def iteration(entering):
            body = self.block(s.body, entering, ctx)
            out.ret |= body.ret
            out.normal |= body.brk
            return body.normal | body.cont

        if s.count is not None and not self.uncounted:
            for _ in range(s.count):
                states = iteration(states)
            out.normal |= states
            return
        # The first test reads the field's value in this run; after an
        # iteration the condition may have changed (as the loops of drivers
        # wait for what other code changes): any number of iterations more.
        if s.fresh is not None and not self.uncorrelated:
            entering = set()
            for env, locks in states:
                for v, lk, en in self.expr(s.fresh, env, locks, None):
                    (entering if v else out.normal).add((en, lk))
            states = iteration(entering)
        seen = set()
        while states - seen:
            states -= seen
            seen |= states
            out.normal |= states  # the condition is false
            states = iteration(states)


def violations(prog, uncounted=False, uncorrelated=False):
    """The set of (violation, line) of a rendered program."""
    return Oracle(prog, uncounted, uncorrelated).violations()
