// `sdv-lite scan` reads the role-type declarations of a C source: every form
// below, and none of the look-alikes in comments, strings, macros, type
// definitions and pointer declarations. The map is sorted by role (as the
// map names it) and numbered where one role has several routines.
// RUN: %sdv scan %s 2>%t.err | FileCheck %s --implicit-check-not=fun_ --implicit-check-not=Inside
// RUN: FileCheck --check-prefix=WARN %s --implicit-check-not=warning: < %t.err

// The header comment names the sources.
// CHECK:      // Role map (sdv-map.h)
// CHECK:      //   {{.*}}declaration-forms.c
// CHECK-NEXT: // Read by `sdv-lite check --map`

/* DRIVER_DISPATCH InsideBlockComment; DRIVER_UNLOAD InsideBlockComment2; */
// DRIVER_CANCEL InsideLineComment;
const char *Text = "DRIVER_UNLOAD InsideString; \" DRIVER_UNLOAD InsideString2;";
#define DECLARE DRIVER_STARTIO InsideMacro;
#define CONTINUED(x) \
  DRIVER_UNLOAD InsideContinuedMacro;
typedef DRIVER_DISPATCH InsideTypedef;
typedef DRIVER_DISPATCH *InsidePointerTypedef;
DRIVER_DISPATCH *InsidePointer;
struct Ops { DRIVER_CANCEL *InsideField; };
DRIVER_DISPATCH InsideFunctionType(int);
PDRIVER_DISPATCH InsidePointerType;

// CHECK-NEXT: #define fun_DRIVER_CANCEL_1 CancelA  // {{.*}}declaration-forms.c:[[@LINE+2]]
// CHECK-NEXT: #define fun_DRIVER_CANCEL_2 CancelB  // {{.*}}declaration-forms.c:[[@LINE+1]]
DRIVER_CANCEL CancelA, CancelB;
// The second role of MyRead (see the end of the file).
// CHECK-NEXT: #define fun_DRIVER_CANCEL_3 MyRead  // {{.*}}declaration-forms.c:[[@LINE+65]]

// A local declaration is a declaration too.
// CHECK-NEXT: #define fun_DRIVER_DISPATCH_1 LocalDecl  // {{.*}}declaration-forms.c:[[@LINE+1]]
void Helper(void) { DRIVER_DISPATCH LocalDecl; }

// An IRP major function sdv-lite does not know: declared DRIVER_DISPATCH.
// WARN: warning: {{.*}}declaration-forms.c:[[@LINE+2]]: 'IRP_MJ_BOGUS' is not an IRP major function sdv-lite knows; the routine is declared DRIVER_DISPATCH
// CHECK-NEXT: #define fun_DRIVER_DISPATCH_2 MyBogus  // {{.*}}declaration-forms.c:[[@LINE+1]]
_Dispatch_type_(IRP_MJ_BOGUS) DRIVER_DISPATCH MyBogus;

// CHECK-NEXT: #define fun_DRIVER_DISPATCH_3 MyPlain  // {{.*}}declaration-forms.c:[[@LINE+1]]
DRIVER_DISPATCH MyPlain;

// Aliases the reference tool's maps use.
// CHECK-NEXT: #define fun_DriverEntry DriverEntry  // {{.*}}declaration-forms.c:[[@LINE+1]]
DRIVER_INITIALIZE DriverEntry;

// A character literal holding a quote opens no string.
// CHECK-NEXT: #define fun_DriverUnload_1 AfterQuote  // {{.*}}declaration-forms.c:[[@LINE+1]]
char Quote = '"'; DRIVER_UNLOAD AfterQuote;

// WARN: warning: {{.*}}declaration-forms.c:[[@LINE+2]]: DRIVER_UNLOAD routines have no IRP major function; 'IRP_MJ_READ' is ignored
// CHECK-NEXT: #define fun_DriverUnload_2 MyOddUnload  // {{.*}}declaration-forms.c:[[@LINE+1]]
_Dispatch_type_(IRP_MJ_READ) DRIVER_UNLOAD MyOddUnload;

// A declaration split over lines is at its name's line.
// CHECK-NEXT: #define fun_DriverUnload_3 MyUnload  // {{.*}}declaration-forms.c:[[@LINE+2]]
DRIVER_UNLOAD
  MyUnload;

// Two declarations on one line.
// CHECK-NEXT: #define fun_HW_STARTIO MyStartIo  // {{.*}}declaration-forms.c:[[@LINE+2]]
// CHECK-NEXT: #define fun_IO_WORKITEM_ROUTINE MyWork  // {{.*}}declaration-forms.c:[[@LINE+1]]
HW_STARTIO MyStartIo; _IRQL_requires_max_(DISPATCH_LEVEL) static IO_WORKITEM_ROUTINE MyWork;

// Several annotations, one routine in several roles.
// CHECK-NEXT: #define fun_IRP_MJ_CLOSE MyCreateClose  // {{.*}}declaration-forms.c:[[@LINE+3]]
// CHECK-NEXT: #define fun_IRP_MJ_CREATE MyCreateClose  // {{.*}}declaration-forms.c:[[@LINE+2]]
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH MyCreateClose;

// CHECK-NEXT: #define fun_IRP_MJ_READ MyRead  // {{.*}}declaration-forms.c:[[@LINE+1]]
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH MyRead;

// The older annotation, and a type that declares a dispatch routine under
// another name.
// CHECK-NEXT: #define fun_IRP_MJ_WRITE MyWrite  // {{.*}}declaration-forms.c:[[@LINE+1]]
__drv_dispatchType(IRP_MJ_WRITE) DRIVER_DISPATCH_PAGED MyWrite;

// Storage classes and __declspec come before the type.
// CHECK-NEXT: #define fun_KDEFERRED_ROUTINE MyDpc  // {{.*}}declaration-forms.c:[[@LINE+1]]
extern __declspec(selectany) KDEFERRED_ROUTINE MyDpc;

// CHECK-NEXT: #define fun_KSERVICE_ROUTINE MyIsr  // {{.*}}declaration-forms.c:[[@LINE+1]]
KSERVICE_ROUTINE MyIsr;
// CHECK-NOT: {{.}}

// Repeated declarations are one line; a plain DRIVER_DISPATCH one adds
// nothing to an IRP major function already known.
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH MyRead;
DRIVER_DISPATCH MyRead;

// One routine, two roles that do not agree: a warning, and both are listed.
// WARN: warning: 'MyRead' is declared with roles that do not agree: DRIVER_DISPATCH ({{.*}}declaration-forms.c:[[@LINE-21]]), DRIVER_CANCEL ({{.*}}declaration-forms.c:[[@LINE+1]]); the map lists each
DRIVER_CANCEL MyRead;
