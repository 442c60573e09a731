"""The small structured driver programs of the differential oracle, and their C.

A program is a handful of locks, helper functions and entry routines whose
bodies are trees of the statements below. The generator (gen.py) builds one
at random, `render` writes it as C for the DDK model header and records on
each node the source line it was written on, and the oracle (oracle.py) runs
the tree itself: neither looks at what sdv-lite says.
"""


class Lock:
    """A KSPIN_LOCK: a global, a field of the global g_Ext, or of *DevExt."""

    def __init__(self, index, name, storage):
        self.index = index
        self.name = name
        self.storage = storage  # 'global', 'gext' or 'devext'

    def c_ref(self):
        if self.storage == "global":
            return "&g_" + self.name
        if self.storage == "gext":
            return "&g_Ext." + self.name
        return "&DevExt->" + self.name


# --- Lock operands -----------------------------------------------------------

class LockRef:
    """A lock operand: a program lock by index, or a PKSPIN_LOCK parameter."""

    def __init__(self, lock=None, param=None):
        self.lock = lock
        self.param = param


# --- Boolean expressions ------------------------------------------------------

class Const:
    def __init__(self, value):
        self.value = value


class Var:
    """A BOOLEAN local or parameter, or an entry routine's pointer parameter
    tested against NULL (`Irp != NULL`): one value for the whole activation
    unless assigned."""

    def __init__(self, name):
        self.name = name


class Fresh:
    """A read of a field of the device extension: any value, the same at every
    read in one entry routine's run (memory is sequential; nothing writes
    the fields)."""

    def __init__(self, field, test=True):
        self.field = field
        self.test = test  # rendered `Field != 0` (a ULONG) or as is (a BOOLEAN)


class Param:
    """The initial value of an entry routine's pointer parameter flag: any."""


class Try:
    """KeTryToAcquireSpinLockAtDpcLevel(lock): TRUE iff it took the lock."""

    def __init__(self, lock):
        self.lock = lock
        self.line = None


class CallExpr:
    def __init__(self, call):
        self.call = call


class Not:
    def __init__(self, expr):
        self.expr = expr


# --- Statements ---------------------------------------------------------------

class Call:
    """A call of a helper; args are LockRefs for its lock parameters and
    Const/Var for its BOOLEAN parameters, in the helper's parameter order."""

    def __init__(self, callee, lock_args, flag_args):
        self.callee = callee
        self.lock_args = lock_args
        self.flag_args = flag_args
        self.line = None


class Decl:
    """`BOOLEAN Name = init;` at the top of a function (init: Const, Fresh
    or, for an entry routine's pointer parameter, Param: not written)."""

    def __init__(self, var, init):
        self.var = var
        self.init = init
        self.line = None


class Assign:
    def __init__(self, var, expr):
        self.var = var
        self.expr = expr
        self.line = None


class _LockCall:
    def __init__(self, lock, api):
        self.lock = lock
        self.api = api  # a key of ACQUIRE_C or RELEASE_C
        self.line = None


class Acquire(_LockCall):
    pass


class Release(_LockCall):
    pass


class If:
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse
        self.line = None


class Loop:
    """`for (Counter = 0; Counter < count; Counter++)` when count is set
    (exactly count iterations), else `while (fresh)`: entered as the
    field's value says, then any number of iterations."""

    def __init__(self, body, count=None, counter=None, fresh=None):
        self.body = body
        self.count = count
        self.counter = counter
        self.fresh = fresh
        self.line = None


class Break:
    line = None


class Continue:
    line = None


class Return:
    """expr: None (VOID), Const/Var (BOOLEAN) or a status name (NTSTATUS)."""

    def __init__(self, expr):
        self.expr = expr
        self.line = None


class CallStmt:
    def __init__(self, call):
        self.call = call
        self.line = None


# --- Functions and programs -----------------------------------------------------

class Function:
    """A helper (role None) or an entry routine.

    role: 'DriverEntry', 'dispatch', 'startio', 'dpc', 'unload', 'workitem'.
    ret: 'VOID', 'BOOLEAN' or 'NTSTATUS'. Helpers' parameters are
    `PDEVICE_EXTENSION DevExt` (when the program uses it), then lock_params
    (PKSPIN_LOCK), then flag_params (BOOLEAN)."""

    def __init__(self, name, role, ret, lock_params=(), flag_params=(), major=None):
        self.name = name
        self.role = role
        self.ret = ret
        self.lock_params = list(lock_params)
        self.flag_params = list(flag_params)
        self.major = major  # IRP_MJ_* for dispatch routines
        self.ptr_flags = []  # entry parameters tested against NULL
        self.body = []
        self.end_line = None


# The rules a program can be written for: the same automaton per lock, in
# each family's API (see FAMILY_RULES below for the rule checked).
FAMILIES = ["spinlock", "queued", "cancel", "storport"]
FAMILY_RULES = {"spinlock": "SpinLockDpc", "queued": "QueuedSpinLock",
                "cancel": "CancelSpinLock", "storport": "StorPortSpinLock"}


class Program:
    def __init__(self, seed, target, family="spinlock"):
        self.seed = seed
        self.target = target  # 'x64' or 'x86'
        # spinlock: KSPIN_LOCKs with KeAcquireSpinLock...; queued: in-stack
        # queued spin locks, each released through a handle of its own;
        # cancel: the one cancel spin lock; storport: Storport lock kinds,
        # each with a STOR_LOCK_HANDLE of its own.
        self.family = family
        self.locks = []
        self.devext = False
        self.flag_fields = []  # BOOLEAN fields of DEVICE_EXTENSION
        self.count_fields = []  # ULONG fields, each read at one place
        self.helpers = []
        self.entries = []  # DriverEntry first
        self.dpcs = []  # names of entry routines registered by KeInitializeDpc

    def functions(self):
        return self.helpers + self.entries

    def function(self, name):
        for fn in self.functions():
            if fn.name == name:
                return fn
        raise KeyError(name)


# --- C ------------------------------------------------------------------------

# 'raise2' is x64 only: x86 declares no KeAcquireSpinLockRaiseToDpc. {l}
# is the lock, {h} its handle (queued, storport), {e} the device extension
# (storport).
FAMILY_ACQUIRE_C = {
    "queued": {
        "raise": "KeAcquireInStackQueuedSpinLock({l}, {h});",
        "raise2": "KeAcquireInStackQueuedSpinLock({l}, {h});",
        "dpc": "KeAcquireInStackQueuedSpinLockAtDpcLevel({l}, {h});",
        "fordpc": "KeAcquireInStackQueuedSpinLockForDpc({l}, {h});",
    },
    "cancel": dict.fromkeys(["raise", "raise2", "dpc", "fordpc"], "IoAcquireCancelSpinLock(&Irql);"),
    "storport": dict.fromkeys(["raise", "raise2", "dpc", "fordpc"],
                              "StorPortAcquireSpinLock({e}, {l}, NULL, {h});"),
}
FAMILY_RELEASE_C = {
    "queued": {
        "raise": "KeReleaseInStackQueuedSpinLock({h});",
        "dpc": "KeReleaseInStackQueuedSpinLockFromDpcLevel({h});",
        "fordpc": "KeReleaseInStackQueuedSpinLockForDpc({h});",
    },
    "cancel": dict.fromkeys(["raise", "dpc", "fordpc"], "IoReleaseCancelSpinLock(Irql);"),
    "storport": dict.fromkeys(["raise", "dpc", "fordpc"], "StorPortReleaseSpinLock({e}, {h});"),
}
# Storport lock kinds the program's locks stand for, in order: kinds with no
# order between them (the rule's InterruptLock comes after StartIoLock, an
# order the oracle does not model), and no DPC to name (DpcLock).
STORPORT_KINDS = ["StartIoLock", "DpcLevelLock", "ThreadedDpcLock"]
ACQUIRE_C = {
    "raise": "KeAcquireSpinLock({l}, &Irql);",
    "raise2": "Irql = KeAcquireSpinLockRaiseToDpc({l});",
    "dpc": "KeAcquireSpinLockAtDpcLevel({l});",
    "fordpc": "Irql = KeAcquireSpinLockForDpc({l});",
}
RELEASE_C = {
    "raise": "KeReleaseSpinLock({l}, Irql);",
    "dpc": "KeReleaseSpinLockFromDpcLevel({l});",
    "fordpc": "KeReleaseSpinLockForDpc({l}, Irql);",
}
ENTRY_SIGNATURES = {
    "DriverEntry": ("NTSTATUS", "PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath",
                    "&g_Ext"),
    "dispatch": ("NTSTATUS", "PDEVICE_OBJECT DeviceObject, PIRP Irp",
                 "DeviceObject->DeviceExtension"),
    "startio": ("VOID", "PDEVICE_OBJECT DeviceObject, PIRP Irp", "DeviceObject->DeviceExtension"),
    "dpc": ("VOID", "PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, "
            "PVOID SystemArgument2", "DeferredContext"),
    "unload": ("VOID", "PDRIVER_OBJECT DriverObject",
               "DriverObject->DeviceObject->DeviceExtension"),
    "workitem": ("VOID", "PDEVICE_OBJECT DeviceObject, PVOID Context", "Context"),
}
ROLE_TYPEDEFS = {
    "DriverEntry": "DRIVER_INITIALIZE",
    "dispatch": "DRIVER_DISPATCH",
    "startio": "DRIVER_STARTIO",
    "dpc": "KDEFERRED_ROUTINE",
    "unload": "DRIVER_UNLOAD",
    "workitem": "IO_WORKITEM_ROUTINE",
}


def walk(stmts):
    """Every statement of a block, nested ones included."""
    for s in stmts:
        yield s
        if isinstance(s, If):
            yield from walk(s.then)
            yield from walk(s.orelse)
        elif isinstance(s, Loop):
            yield from walk(s.body)


def expressions(stmts):
    """Every expression of a block, nested ones (Not, call arguments) included."""
    def sub(e):
        yield e
        if isinstance(e, Not):
            yield from sub(e.expr)
        elif isinstance(e, CallExpr):
            for a in e.call.flag_args:
                yield from sub(a)
    for s in walk(stmts):
        for e in (getattr(s, "init", None), getattr(s, "expr", None), getattr(s, "cond", None),
                  getattr(s, "fresh", None)):
            if e is not None and not isinstance(e, str):
                yield from sub(e)
        if isinstance(s, CallStmt):
            for a in s.call.flag_args:
                yield from sub(a)


def uses_devext(prog, fn):
    """Whether an entry routine's body names DevExt (calls pass it to helpers)."""
    def on_devext(ref):
        if prog.family in ("storport", "cancel"):
            # Storport's calls all name the device extension; the cancel
            # spin lock is in none.
            return prog.family == "storport"
        return ref.lock is not None and prog.locks[ref.lock].storage == "devext"
    # A queued spin lock's release names only its handle.
    named = (Acquire,) if prog.family == "queued" else (Acquire, Release)
    for s in walk(fn.body):
        if isinstance(s, CallStmt):
            return True
        if isinstance(s, named) and on_devext(s.lock):
            return True
    for e in expressions(fn.body):
        if isinstance(e, (Fresh, CallExpr)) or (isinstance(e, Try) and on_devext(e.lock)):
            return True
    return False


class _Writer:
    def __init__(self, prog):
        self.prog = prog
        self.lines = []
        self.fn = None

    def emit(self, text, indent=0):
        self.lines.append("    " * indent + text)
        return len(self.lines)

    def lock(self, ref):
        if ref.param is not None:
            return ref.param
        if self.prog.family == "storport":
            return STORPORT_KINDS[ref.lock]
        return self.prog.locks[ref.lock].c_ref()

    def handle(self, ref):
        """The lock handle that goes with a lock operand (queued, storport)."""
        if ref.param is not None:
            return ref.param + "Handle"
        return "&g_Handle" + self.prog.locks[ref.lock].name

    def devext_arg(self):
        return "DevExt" if self.prog.devext else "&g_Ext"

    def acquire(self, api, ref):
        if self.prog.family == "spinlock":
            return ACQUIRE_C[api].format(l=self.lock(ref))
        return FAMILY_ACQUIRE_C[self.prog.family][api].format(
            l=self.lock(ref), h=self.handle(ref), e=self.devext_arg())

    def release(self, api, ref):
        if self.prog.family == "spinlock":
            return RELEASE_C[api].format(l=self.lock(ref))
        return FAMILY_RELEASE_C[self.prog.family][api].format(
            l=self.lock(ref), h=self.handle(ref), e=self.devext_arg())

    def field(self, name):
        return ("DevExt->" if self.prog.devext else "g_Ext.") + name

    def flag(self, name, negate=False):
        if name in self.fn.ptr_flags:
            return "{} {} NULL".format(name, "==" if negate else "!=")
        return ("!" if negate else "") + name

    def expr(self, e, negate=False):
        if isinstance(e, Not):
            return self.expr(e.expr, not negate)
        if isinstance(e, Const):
            return "TRUE" if e.value != negate else "FALSE"
        if isinstance(e, Var):
            return self.flag(e.name, negate)
        if isinstance(e, Fresh):
            if e.test:
                return "{} {} 0".format(self.field(e.field), "==" if negate else "!=")
            return ("!" if negate else "") + self.field(e.field)
        if isinstance(e, Try):
            if self.prog.family == "storport":
                # StorPortAcquireSpinLockEx: STOR_STATUS_SUCCESS when acquired.
                return "StorPortAcquireSpinLockEx({}, {}, NULL, {}) {} STOR_STATUS_SUCCESS".format(
                    self.devext_arg(), self.lock(e.lock), self.handle(e.lock),
                    "!=" if negate else "==")
            return ("!" if negate else "") + "KeTryToAcquireSpinLockAtDpcLevel({})".format(
                self.lock(e.lock))
        if isinstance(e, CallExpr):
            return ("!" if negate else "") + self.call(e.call)
        raise TypeError(e)

    def call(self, c):
        callee = self.prog.function(c.callee)
        args = ["DevExt"] if self.prog.devext else []
        for a in c.lock_args:
            args.append(self.lock(a))
            if self.prog.family in ("queued", "storport"):
                args.append(self.handle(a))
        args += [self.expr(a) for a in c.flag_args]
        assert len(c.lock_args) == len(callee.lock_params)
        assert len(c.flag_args) == len(callee.flag_params)
        return "{}({})".format(c.callee, ", ".join(args))

    def set_lines(self, e, line):
        """Record the line on the calls and try-acquires inside an expression."""
        if isinstance(e, Not):
            self.set_lines(e.expr, line)
        elif isinstance(e, Try):
            e.line = line
        elif isinstance(e, CallExpr):
            e.call.line = line

    def block(self, stmts, ind):
        for s in stmts:
            self.stmt(s, ind)

    def stmt(self, s, ind):
        if isinstance(s, Decl):
            if isinstance(s.init, Param):
                return
            s.line = self.emit("BOOLEAN {} = {};".format(s.var, self.expr(s.init)), ind)
        elif isinstance(s, Assign):
            s.line = self.emit("{} = {};".format(s.var, self.expr(s.expr)), ind)
            self.set_lines(s.expr, s.line)
        elif isinstance(s, Acquire):
            s.line = self.emit(self.acquire(s.api, s.lock), ind)
        elif isinstance(s, Release):
            s.line = self.emit(self.release(s.api, s.lock), ind)
        elif isinstance(s, If):
            s.line = self.emit("if ({}) {{".format(self.expr(s.cond)), ind)
            self.set_lines(s.cond, s.line)
            self.block(s.then, ind + 1)
            if s.orelse:
                self.emit("} else {", ind)
                self.block(s.orelse, ind + 1)
            self.emit("}", ind)
        elif isinstance(s, Loop):
            if s.count is not None:
                head = "for ({c} = 0; {c} < {n}; {c}++) {{".format(c=s.counter, n=s.count)
            else:
                head = "while ({}) {{".format(self.expr(s.fresh))
            s.line = self.emit(head, ind)
            self.block(s.body, ind + 1)
            self.emit("}", ind)
        elif isinstance(s, Break):
            s.line = self.emit("break;", ind)
        elif isinstance(s, Continue):
            s.line = self.emit("continue;", ind)
        elif isinstance(s, Return):
            if s.expr is None:
                s.line = self.emit("return;", ind)
            elif isinstance(s.expr, str):
                s.line = self.emit("return {};".format(s.expr), ind)
            else:
                s.line = self.emit("return {};".format(self.expr(s.expr)), ind)
        elif isinstance(s, CallStmt):
            s.line = self.emit(self.call(s.call) + ";", ind)
            s.call.line = s.line
        else:
            raise TypeError(s)

    def signature(self, fn):
        if fn.role is not None:
            ret, params, _ = ENTRY_SIGNATURES[fn.role]
            return "{} {}({})".format(ret, fn.name, params)
        params = ["PDEVICE_EXTENSION DevExt"] if self.prog.devext else []
        family = self.prog.family
        for p in fn.lock_params:
            if family == "storport":
                params += ["STOR_SPINLOCK " + p, "PSTOR_LOCK_HANDLE " + p + "Handle"]
            elif family == "queued":
                params += ["PKSPIN_LOCK " + p, "PKLOCK_QUEUE_HANDLE " + p + "Handle"]
            else:
                params += ["PKSPIN_LOCK " + p]
        params += ["BOOLEAN " + p for p in fn.flag_params]
        return "static {} {}({})".format(fn.ret, fn.name, ", ".join(params) or "VOID")

    def locals(self, fn):
        """Declarations the body needs besides its BOOLEAN flags."""
        stmts = list(walk(fn.body))
        if fn.role is not None and self.prog.devext and uses_devext(self.prog, fn):
            self.emit("PDEVICE_EXTENSION DevExt = {};".format(ENTRY_SIGNATURES[fn.role][2]), 1)
        family = self.prog.family
        irql_api = (lambda s: True) if family == "cancel" else (lambda s: s.api != "dpc")
        irql = family in ("spinlock", "cancel") and any(
            isinstance(s, (Acquire, Release)) and irql_api(s) for s in stmts)
        if irql:
            self.emit("KIRQL Irql = PASSIVE_LEVEL;", 1)
        counters = sorted({s.counter for s in stmts if isinstance(s, Loop) and s.counter})
        if counters:
            self.emit("ULONG {};".format(", ".join(counters)), 1)
        if irql and not any(isinstance(s, Release) and irql_api(s) for s in stmts):
            self.emit("UNREFERENCED_PARAMETER(Irql);", 1)  # only written: a warning

    def registrations(self):
        for lock in self.prog.locks:
            if lock.storage != "devext":
                self.emit("KeInitializeSpinLock({});".format(lock.c_ref()), 1)
        for fn in self.prog.entries[1:]:
            if fn.role == "dispatch":
                self.emit("DriverObject->MajorFunction[{}] = {};".format(fn.major, fn.name), 1)
            elif fn.role == "startio":
                self.emit("DriverObject->DriverStartIo = {};".format(fn.name), 1)
            elif fn.role == "unload":
                self.emit("DriverObject->DriverUnload = {};".format(fn.name), 1)
            elif fn.role == "dpc":
                self.emit("KeInitializeDpc(&g_Dpc_{0}, {0}, &g_Ext);".format(fn.name), 1)
            elif fn.role == "workitem":
                self.emit("IoQueueWorkItem(g_WorkItem, {}, DelayedWorkQueue, &g_Ext);".format(
                    fn.name), 1)

    def function(self, fn):
        self.fn = fn
        self.emit("")
        self.emit(self.signature(fn))
        fn_start = self.emit("{")
        self.locals(fn)
        decls = [s for s in fn.body if isinstance(s, Decl)]
        self.block(decls, 1)
        if len(self.lines) > fn_start:
            self.emit("")
        if fn.role == "DriverEntry":
            self.registrations()
        self.block(fn.body[len(decls):], 1)
        fn.end_line = self.emit("}")

    def program(self):
        p = self.prog
        self.emit("// Generated by tests/oracle/gen.py, seed {} ({}). Do not edit: the".format(
            p.seed, p.target))
        self.emit("// oracle's expectation comes from the program tree, not from this text.")
        self.emit("#include <storport.h>" if p.family == "storport" else "#include <wdm.h>")
        self.emit("")
        self.emit("typedef struct _DEVICE_EXTENSION {")
        for lock in p.locks:
            if lock.storage != "global":
                self.emit("KSPIN_LOCK {};".format(lock.name), 1)
        for f in p.flag_fields:
            self.emit("BOOLEAN {};".format(f), 1)
        for f in p.count_fields:
            self.emit("ULONG {};".format(f), 1)
        self.emit("ULONG Requests;", 1)
        self.emit("} DEVICE_EXTENSION, *PDEVICE_EXTENSION;")
        self.emit("")
        self.emit("DEVICE_EXTENSION g_Ext;")
        for lock in p.locks:
            if lock.storage == "global":
                self.emit("KSPIN_LOCK g_{};".format(lock.name))
        handle_type = {"queued": "KLOCK_QUEUE_HANDLE", "storport": "STOR_LOCK_HANDLE"}
        if p.family in handle_type:
            for lock in p.locks:
                self.emit("{} g_Handle{};".format(handle_type[p.family], lock.name))
        for name in p.dpcs:
            self.emit("KDPC g_Dpc_{};".format(name))
        if any(fn.role == "workitem" for fn in p.entries):
            self.emit("PIO_WORKITEM g_WorkItem;")
        self.emit("")
        for fn in p.entries:
            self.emit("{} {};".format(ROLE_TYPEDEFS[fn.role], fn.name))
        for fn in p.helpers:
            self.emit(self.signature(fn) + ";")
        for fn in p.helpers + p.entries[1:] + p.entries[:1]:
            self.function(fn)


def render(prog):
    """The program as C; sets the `line` of every node and each function's
    `end_line` (its closing brace)."""
    w = _Writer(prog)
    w.program()
    return "\n".join(w.lines) + "\n"
