"""Random small driver programs for the differential oracle.

`generate(seed)` is deterministic: the same seed gives the same program with
any Python 3. A program has 1-3 locks (globals, fields of the global g_Ext or
of the device extension the routine is given), 1-4 helpers (lock and unlock
wrappers taking the lock as a parameter, conditional lockers returning
BOOLEAN, general helpers calling later helpers) and 1-3 entry routines
registered in DriverEntry, whose bodies mix critical sections, conditional
locking on flags, try-acquires, calls, loops, early returns, break and
continue. Locking mistakes come from the randomness itself and from a few
deliberate slips (a release dropped or put under a condition). The program
is written in one lock family's API (program.FAMILIES): the cancel spin
lock family has one lock, and it and the queued family no try-acquire.
"""
import random

from program import (FAMILIES, Acquire, Assign, Break, Call, CallExpr, CallStmt, Const,
                     Continue, Decl, Fresh, Function, If, Lock, LockRef, Loop, Not, Param,
                     Program, Release, Return, Try, Var, expressions, walk)

LOCK_NAMES = ["LockA", "LockB", "LockC"]
FLAG_FIELDS = ["Busy", "Enabled", "Stopping", "Queued", "Ready", "Armed"]
ENTRY_KINDS = [
    ("dispatch", "IRP_MJ_READ", "DispatchRead"),
    ("dispatch", "IRP_MJ_WRITE", "DispatchWrite"),
    ("dispatch", "IRP_MJ_DEVICE_CONTROL", "DispatchIoctl"),
    ("dispatch", "IRP_MJ_CLEANUP", "DispatchCleanup"),
    ("startio", None, "StartIo"),
    ("dpc", None, "QueueDpc"),
    ("dpc", None, "TimerDpc"),
    ("unload", None, "DriverUnload"),
    ("workitem", None, "ResetWorker"),
]
# Pointer parameters an entry routine may test against NULL (never dereferenced).
PTR_FLAGS = {"DriverEntry": ["RegistryPath"], "dispatch": ["Irp"], "startio": ["Irp"],
             "dpc": ["SystemArgument1", "SystemArgument2"], "unload": [], "workitem": []}
RELEASE_FOR = {"raise": "raise", "raise2": "raise", "dpc": "dpc", "fordpc": "fordpc"}
MAX_STMTS = 8
MAX_DEPTH = 3


class _Body:
    """Generates one function's body."""

    def __init__(self, gen, fn, callees):
        self.gen = gen
        self.rng = gen.rng
        self.prog = gen.prog
        self.fn = fn
        self.callees = callees
        self.flags = list(fn.flag_params)  # flags the body may read
        self.decls = []
        self.count = 0
        self.loops = 0

    # --- operands ---

    def lock(self):
        if self.fn.lock_params and self.rng.random() < 0.7:
            return LockRef(param=self.rng.choice(self.fn.lock_params))
        return LockRef(lock=self.rng.randrange(len(self.prog.locks)))

    def acquire_api(self):
        apis = ["raise", "raise", "dpc", "fordpc"]
        if self.prog.target == "x64":
            apis.append("raise2")
        return self.rng.choice(apis)

    def release_api(self, acquire_api):
        if self.rng.random() < 0.1:
            return self.rng.choice(["raise", "dpc", "fordpc"])
        return RELEASE_FOR[acquire_api]

    def new_flag(self):
        unused_ptrs = [p for p in PTR_FLAGS.get(self.fn.role, []) if p not in self.fn.ptr_flags]
        if unused_ptrs and self.rng.random() < 0.4:
            name = self.rng.choice(unused_ptrs)
            self.fn.ptr_flags.append(name)
            self.decls.append(Decl(name, Param()))
        else:
            taken = set(self.flags) | set(self.fn.flag_params)
            free = [f for f in FLAG_FIELDS if f not in taken]
            if not free:
                return self.rng.choice(self.flags)
            name = self.rng.choice(free)
            if name not in self.prog.flag_fields:
                self.prog.flag_fields.append(name)
            self.decls.append(Decl(name, Fresh(name, test=False)))
        self.flags.append(name)
        return name

    def flag(self):
        if self.flags and self.rng.random() < 0.75:
            return self.rng.choice(self.flags)
        return self.new_flag()

    def assignable(self):
        # `Again` bounds a recursion: only the recursive call sets it (FALSE).
        return [f for f in self.flags if f not in self.fn.ptr_flags and f != "Again"]

    def got_flag(self):
        name = "Got{}".format(sum(1 for d in self.decls if d.var.startswith("Got")))
        self.decls.append(Decl(name, Const(False)))
        self.flags.append(name)
        return name

    def fresh(self):
        name = "Count{}".format(len(self.prog.count_fields))
        self.prog.count_fields.append(name)
        return Fresh(name)

    def call(self, callee):
        """A call with random arguments, or None when the callee's lock
        parameters cannot all get a lock it does not name already: the
        generator keeps every lock to one name per function (see names())."""
        lock_args = []
        for _ in callee.lock_params:
            free = [LockRef(param=p) for p in self.fn.lock_params]
            free += [LockRef(lock=i) for i in range(len(self.prog.locks))
                     if i not in self.gen.named[callee.name]]
            free = [r for r in free if (r.lock, r.param) not in
                    {(a.lock, a.param) for a in lock_args}]
            if not free:
                return None
            lock_args.append(self.rng.choice(free))
        return Call(callee.name, lock_args, [self.flag_arg() for _ in callee.flag_params])

    def flag_arg(self):
        """Constants and BOOLEAN variables: a pointer test passed as a BOOLEAN
        is a relation between two values, which sdv-lite documents it does
        not track."""
        if self.rng.random() < 0.5:
            name = self.flag()
            if name not in self.fn.ptr_flags:
                return Var(name)
        return Const(self.rng.random() < 0.5)

    def call_expr(self):
        call = self.call(self.rng.choice(self.bool_callees()))
        return CallExpr(call) if call else Var(self.flag())

    def bool_callees(self):
        return [c for c in self.callees if c.ret == "BOOLEAN"]

    def cond(self):
        kinds = ["flag"] * 4 + ["fresh"] * 2 + (["call"] if self.bool_callees() else [])
        kind = self.rng.choice(kinds)
        if kind == "flag":
            e = Var(self.flag())
        elif kind == "fresh":
            e = self.fresh()
        else:
            e = self.call_expr()
        return Not(e) if self.rng.random() < 0.3 else e

    def ret(self):
        if self.fn.ret == "VOID":
            return Return(None)
        if self.fn.ret == "NTSTATUS":
            return Return(self.rng.choice(["STATUS_UNSUCCESSFUL", "STATUS_PENDING"]))
        if self.flags and self.rng.random() < 0.3:
            return Return(Var(self.rng.choice(self.flags)))
        return Return(Const(self.rng.random() < 0.5))

    # --- statements ---

    def block(self, depth, lo, hi):
        out = []
        for _ in range(self.rng.randint(lo, hi)):
            if self.count >= MAX_STMTS:
                break
            out += self.stmt(depth)
        return out

    def branch(self, depth):
        """An if branch: a block, maybe ending the function or the iteration."""
        out = self.block(depth + 1, 1, 3)
        r = self.rng.random()
        if r < 0.15:
            out.append(self.ret())
        elif self.loops and r < 0.35:
            out.append(Break() if self.rng.random() < 0.5 else Continue())
        return out

    def stmt(self, depth):
        self.count += 1
        rng = self.rng
        lockw = [c for c in self.callees if c.name.startswith("LockIt")]
        unlockw = [c for c in self.callees if c.name.startswith("UnlockIt")]
        menu = {"acquire": 0.7, "release": 0.7, "call": 3 if self.callees else 0,
                "assign": 0.6 if self.assignable() else 0}
        if depth < MAX_DEPTH:
            tries = self.gen.has_try()
            menu.update({"cs": 3, "if": 2.5, "condlock": 1.5, "try": 1.2 if tries else 0,
                         "tryassign": 0.6 if tries else 0,
                         "callif": 1 if self.bool_callees() else 0,
                         "wrapcs": 1.5 if lockw and unlockw else 0,
                         "loop": 1.2 if self.loops < 2 else 0})
        kind = rng.choices(list(menu), weights=list(menu.values()))[0]
        if kind == "acquire":
            return [Acquire(self.lock(), self.acquire_api())]
        if kind == "release":
            return [Release(self.lock(), rng.choice(["raise", "dpc", "fordpc"]))]
        if kind == "call":
            call = self.call(rng.choice(self.callees))
            return [CallStmt(call)] if call else []
        if kind == "assign":
            var = rng.choice(self.assignable())
            r = rng.random()
            if r < 0.5:
                e = Const(rng.random() < 0.5)
            elif r < 0.8 or not self.bool_callees():
                e = Var(self.flag())
            else:
                e = self.call_expr()
            if isinstance(e, Var) and e.name == var:  # no self-assignment
                e = Const(rng.random() < 0.5)
            return [Assign(var, e)]
        if kind == "cs":
            lock, api = self.lock(), self.acquire_api()
            out = [Acquire(lock, api)] + self.block(depth + 1, 0, 3)
            release = Release(lock, self.release_api(api))
            r = rng.random()
            if r < 0.12:
                return out  # slip: the release is forgotten
            if r < 0.22:
                return out + [If(self.cond(), [release], [])]  # slip: released on one branch
            return out + [release]
        if kind == "if":
            orelse = self.branch(depth) if rng.random() < 0.4 else []
            return [If(self.cond(), self.branch(depth), orelse)]
        if kind == "condlock":
            lock, api, flag = self.lock(), self.acquire_api(), self.flag()
            neg = rng.random() < 0.25

            def test(name):
                return Not(Var(name)) if neg else Var(name)
            second = flag if rng.random() < 0.8 else self.flag()
            return ([If(test(flag), [Acquire(lock, api)], [])] + self.block(depth + 1, 0, 2)
                    + [If(test(second), [Release(lock, self.release_api(api))], [])])
        if kind == "try":
            lock = self.lock()
            then = self.block(depth + 1, 0, 2)
            if rng.random() < 0.85:
                then.append(Release(lock, "dpc"))
            orelse = self.branch(depth) if rng.random() < 0.5 else []
            if rng.random() < 0.2:
                return [If(Not(Try(lock)), orelse, then)]
            return [If(Try(lock), then, orelse)]
        if kind == "tryassign":
            lock, got = self.lock(), self.got_flag()
            return ([Assign(got, Try(lock))] + self.block(depth + 1, 0, 2)
                    + [If(Var(got), [Release(lock, "dpc")], [])])
        if kind == "callif":
            orelse = self.branch(depth) if rng.random() < 0.4 else []
            cond = self.call_expr()
            return [If(Not(cond) if rng.random() < 0.3 else cond, self.branch(depth), orelse)]
        if kind == "wrapcs":
            lock = self.lock()
            first = self.call(rng.choice(lockw))
            first.lock_args = [lock]  # wrappers name no lock but their parameter
            second = self.call(rng.choice(unlockw))
            second.lock_args = [lock]
            return [CallStmt(first)] + self.block(depth + 1, 0, 2) + [CallStmt(second)]
        assert kind == "loop"
        self.loops += 1
        if rng.random() < 0.5:
            loop = Loop([], count=rng.randint(1, 3), counter="ij"[self.loops - 1])
        else:
            loop = Loop([], fresh=self.fresh())
        loop.body = self.block(depth + 1, 1, 3)
        self.loops -= 1
        return [loop]

    def generate(self, lo, hi):
        body = self.block(0, lo, hi)
        if self.fn.ret == "NTSTATUS":
            body.append(Return("STATUS_SUCCESS"))
        elif self.fn.ret == "BOOLEAN":
            body.append(self.ret())
        elif self.rng.random() < 0.1:
            body.append(Return(None))
        return self.decls + body


class _Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.named = {}  # helper -> the program locks it names, itself or in callees
        target = "x86" if self.rng.random() < 0.25 else "x64"
        # The family is drawn apart from the program's other choices.
        family = random.Random(seed * 7919 + 1).choices(FAMILIES, weights=[4, 2, 1, 2])[0]
        self.prog = Program(seed, target, family)

    def has_try(self):
        """Whether the family has a try-acquire: in-stack queued spin locks
        and the cancel spin lock have none."""
        return self.prog.family in ("spinlock", "storport")

    def locks(self):
        rng = self.rng
        count = rng.randint(1, 3)
        if self.prog.family == "cancel":
            count = 1  # the cancel spin lock is one lock for the whole system
        for i in range(count):
            storage = rng.choice(["global", "gext", "devext", "devext"])
            self.prog.locks.append(Lock(i, LOCK_NAMES[i], storage))
        self.prog.devext = any(lk.storage == "devext" for lk in self.prog.locks)

    def helper(self, i):
        rng = self.rng
        kind = rng.choices(["lock", "unlock", "lockif", "generic"], weights=[2, 2, 1, 5])[0]
        if kind in ("lock", "unlock"):
            name = ("LockIt" if kind == "lock" else "UnlockIt") + str(i)
            fn = Function(name, None, "VOID", ["Lock"], ["NeedLock"] if rng.random() < 0.3 else [])
            api = _Body(self, fn, []).acquire_api()
            op = Acquire(LockRef(param="Lock"), api) if kind == "lock" else \
                Release(LockRef(param="Lock"), RELEASE_FOR[api])
            fn.body = [If(Var("NeedLock"), [op], [])] if fn.flag_params else [op]
            return fn
        if kind == "lockif":
            fn = Function("LockIf" + str(i), None, "BOOLEAN", ["Lock"])
            lock = LockRef(param="Lock")
            if rng.random() < 0.5 and self.has_try():
                fn.body = [If(Try(lock), [Return(Const(True))], []), Return(Const(False))]
            else:
                body = _Body(self, fn, [])
                fn.body = [If(body.fresh(), [Acquire(lock, body.acquire_api()),
                                             Return(Const(True))], []), Return(Const(False))]
            return fn
        lock_params = ["Lock", "Other"][:rng.choice([0, 0, 1, 1, 2])]
        flag_params = ["NeedLock", "Force"][:rng.choice([0, 1, 1, 2])]
        ret = "BOOLEAN" if rng.random() < 0.3 else "VOID"
        if rng.random() < 0.15:  # calls itself once more when Again is set
            return Function("Drain" + str(i), None, ret, lock_params, ["Again"] + flag_params)
        return Function("Helper" + str(i), None, ret, lock_params, flag_params)

    def recursive_body(self, fn, callees):
        """A body with `if (Again) Self(..., FALSE, ...)` at a random place:
        the recursion is one call deep, and the oracle inlines it."""
        body = _Body(self, fn, callees)
        flag_args = [Const(False)] + [body.flag_arg() for _ in fn.flag_params[1:]]
        stmts = body.generate(1, 3)  # after flag_arg(): declares what it reads
        call = Call(fn.name, [LockRef(param=p) for p in fn.lock_params], flag_args)
        first = sum(1 for st in stmts if isinstance(st, Decl))
        last = len(stmts) - (fn.ret != "VOID")
        at = self.rng.randint(first, last)
        stmts[at:at] = [If(Var("Again"), [CallStmt(call)], [])]
        return stmts

    def entries(self):
        rng = self.rng
        prog = self.prog
        driver_entry = Function("DriverEntry", "DriverEntry", "NTSTATUS")
        prog.entries.append(driver_entry)
        for role, major, name in rng.sample(ENTRY_KINDS, rng.randint(1, 3)):
            ret = "NTSTATUS" if role == "dispatch" else "VOID"
            prog.entries.append(Function(name, role, ret, major=major))
            if role == "dpc":
                prog.dpcs.append(name)

    def generate(self):
        rng = self.rng
        prog = self.prog
        self.locks()
        prog.helpers = [self.helper(i) for i in range(rng.randint(1, 4))]
        self.entries()
        # Callees first, so that calls know which locks their callee names.
        for i in reversed(range(len(prog.helpers))):
            fn = prog.helpers[i]
            if fn.name.startswith("Helper"):
                fn.body = _Body(self, fn, prog.helpers[i + 1:]).generate(1, 3)
            elif fn.name.startswith("Drain"):
                fn.body = self.recursive_body(fn, prog.helpers[i + 1:])
            self.named[fn.name] = names(fn, self.named)
        for fn in prog.entries:
            if fn.role == "DriverEntry" and rng.random() < 0.65:
                fn.body = _Body(self, fn, []).generate(0, 0)
            else:
                fn.body = _Body(self, fn, prog.helpers).generate(2, 4)
        self.prune()
        return prog

    def prune(self):
        """Drop helpers no entry routine reaches (static and unused: a warning)."""
        reached = set()
        work = list(self.prog.entries)
        while work:
            fn = work.pop()
            for name in calls(fn):
                if name not in reached:
                    reached.add(name)
                    work.append(self.prog.function(name))
        self.prog.helpers = [h for h in self.prog.helpers if h.name in reached]


def names(fn, named):
    """The program locks fn names (not through its lock parameters), itself
    or through its callees. A call never binds a lock parameter to one of
    these, nor two parameters to one lock: in every function each lock has
    one name. sdv-lite tracks a lock per name within a function and
    documents that two names for one lock are one object only where the
    analysis sees it."""
    out = set()
    for s in walk(fn.body):
        if isinstance(s, (Acquire, Release)) and s.lock.lock is not None:
            out.add(s.lock.lock)
    for e in expressions(fn.body):
        if isinstance(e, Try) and e.lock.lock is not None:
            out.add(e.lock.lock)
        if isinstance(e, CallExpr):
            out |= {a.lock for a in e.call.lock_args if a.lock is not None}
    for s in walk(fn.body):
        if isinstance(s, CallStmt):
            out |= {a.lock for a in s.call.lock_args if a.lock is not None}
    for callee in calls(fn):
        if callee != fn.name:
            out |= named[callee]
    return out


def calls(fn):
    """Names of the helpers a function calls."""
    out = [s.call.callee for s in walk(fn.body) if isinstance(s, CallStmt)]
    out += [e.call.callee for e in expressions(fn.body) if isinstance(e, CallExpr)]
    return out


def generate(seed):
    return _Generator(seed).generate()


if __name__ == "__main__":
    import sys

    from program import render
    sys.stdout.write(render(generate(int(sys.argv[1]))))
