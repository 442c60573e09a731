// Storport registrations: HW_INITIALIZATION_DATA fields (by debug-info field
// name, and by documented order when there is no debug info), notification
// codes, the inline wrappers, and a driver's own wrapper.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefixes=CHECK,DEBUG
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv roles %t86.bc | FileCheck %s --check-prefixes=CHECK,DEBUG
// RUN: %cc64 -g0 %s -o %tnodebug.bc
// RUN: %sdv roles %tnodebug.bc 2>&1 | FileCheck %s --check-prefixes=CHECK,NODEBUG
#include <storport.h>

HW_PASSIVE_INITIALIZE_ROUTINE PassiveInit;
HW_TIMER Timer;
HW_TIMER SlowTimer;
static VOID StartTimer(PVOID Ext, PHW_TIMER Routine);
extern STOR_DPC TheDpc;

// NODEBUG: warning: the input has no debug info
// CHECK:      FUNCTION ROLE EVIDENCE
// CHECK-NEXT: AdapterControl HW_ADAPTER_CONTROL stored into HW_INITIALIZATION_DATA.HwAdapterControl
SCSI_ADAPTER_CONTROL_STATUS NTAPI AdapterControl(PVOID Ext, SCSI_ADAPTER_CONTROL_TYPE Type,
                                                 PVOID Parameters) {
  return ScsiAdapterControlSuccess;
}
// CHECK-NEXT: BuildIo HW_BUILDIO stored into HW_INITIALIZATION_DATA.HwBuildIo
BOOLEAN NTAPI BuildIo(PVOID Ext, PSCSI_REQUEST_BLOCK Srb) { return TRUE; }
// DEBUG-NEXT: DpcRoutine HW_DPC_ROUTINE passed to StorPortInitializeDpc (inlined) at {{.*}}storport-registrations.c:47:3
// NODEBUG-NEXT: DpcRoutine HW_DPC_ROUTINE passed to StorPortNotification(0x1001) at 'PassiveInit'
VOID NTAPI DpcRoutine(PSTOR_DPC Dpc, PVOID Ext, PVOID A1, PVOID A2) {}
// CHECK-NEXT: DriverEntry DRIVER_INITIALIZE by its name
// CHECK-NEXT: FindAdapter HW_FIND_ADAPTER stored into HW_INITIALIZATION_DATA.HwFindAdapter
ULONG NTAPI FindAdapter(PVOID Ext, PVOID HwContext, PVOID BusInformation,
                        PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION Config,
                        PBOOLEAN Again) {
  return SP_RETURN_FOUND;
}
// CHECK-NEXT: Initialize HW_INITIALIZE stored into HW_INITIALIZATION_DATA.HwInitialize
BOOLEAN NTAPI Initialize(PVOID Ext) {
  StorPortEnablePassiveInitialization(Ext, PassiveInit);
  return TRUE;
}
// CHECK-NEXT: Interrupt HW_INTERRUPT stored into HW_INITIALIZATION_DATA.HwInterrupt
BOOLEAN NTAPI Interrupt(PVOID Ext) { return FALSE; }
// DEBUG-NEXT: PassiveInit HW_PASSIVE_INITIALIZE_ROUTINE passed to StorPortEnablePassiveInitialization (inlined) at {{.*}}storport-registrations.c:39:3
// NODEBUG-NEXT: PassiveInit HW_PASSIVE_INITIALIZE_ROUTINE passed to StorPortNotification(0x1000) at 'Initialize'
BOOLEAN NTAPI PassiveInit(PVOID Ext) {
  StorPortInitializeDpc(Ext, &TheDpc, DpcRoutine);
  return TRUE;
}
// CHECK-NEXT: ResetBus HW_RESET_BUS stored into HW_INITIALIZATION_DATA.HwResetBus
BOOLEAN NTAPI ResetBus(PVOID Ext, ULONG PathId) { return TRUE; }
// CHECK-NEXT: SlowTimer HW_TIMER passed to StorPortNotification(0x6) at {{.*}} through 'StartTimer' called at
// CHECK-NEXT: StartIo HW_STARTIO stored into HW_INITIALIZATION_DATA.HwStartIo
BOOLEAN NTAPI StartIo(PVOID Ext, PSCSI_REQUEST_BLOCK Srb) {
  StorPortNotification(RequestTimerCall, Ext, Timer, 1000);
  StartTimer(Ext, SlowTimer);
  return TRUE;
}
VOID NTAPI SlowTimer(PVOID Ext) {}
// CHECK-NEXT: Timer HW_TIMER passed to StorPortNotification(0x6)
VOID NTAPI Timer(PVOID Ext) {}
// CHECK-NEXT: 12 entry routines
// CHECK-NOT: StartTimer

STOR_DPC TheDpc;

// A driver's own wrapper: the routine is its parameter.
static VOID StartTimer(PVOID Ext, PHW_TIMER Routine) {
  StorPortNotification(RequestTimerCall, Ext, Routine, 50000);
}

ULONG NTAPI DriverEntry(PVOID DriverObject, PVOID RegistryPath) {
  HW_INITIALIZATION_DATA Init;
  RtlZeroMemory(&Init, sizeof(Init));
  Init.HwInitializationDataSize = sizeof(Init);
  Init.HwInitialize = Initialize;
  Init.HwStartIo = StartIo;
  Init.HwBuildIo = BuildIo;
  Init.HwInterrupt = Interrupt;
  Init.HwFindAdapter = FindAdapter;
  Init.HwResetBus = ResetBus;
  Init.HwAdapterControl = AdapterControl;
  return StorPortInitialize(DriverObject, RegistryPath, &Init, NULL);
}
