; ModuleID = '/tmp/fz/build-fuzz-clean/crashes/check/crash-fca3bdb65fc930e769bfd60c72442eb62c7d31ee'
source_filename = "/work/wt-fuzz/tests/lit/check/held-at-exit-two-helpers-safe.c"
target datalayout = "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-windows-msvc19.20.0"

%struct._DEVICE_OBJECT = type { i16, i16, i32, ptr, ptr, ptr, ptr, ptr, i32, i32, ptr, ptr, i32, i8, %union.anon.15, i32, %struct._KDEVICE_QUEUE, %struct._KDPC, i32, ptr, %struct._KEVENT, i16, i16, ptr, ptr, [8 x i8] }
%union.anon.15 = type { %struct._WAIT_CONTEXT_BLOCK }
%struct._WAIT_CONTEXT_BLOCK = type { %struct._KDEVICE_QUEUE_ENTRY, ptr, ptr, i32, ptr, ptr, ptr }
%struct._KDEVICE_QUEUE_ENTRY = type { %struct._LIST_ENTRY, i32, i8 }
%struct._LIST_ENTRY = type { ptr, ptr }
%struct._KDEVICE_QUEUE = type { i16, i16, %struct._LIST_ENTRY, i64, i8 }
%struct._KDPC = type { %union.anon.16, %struct._SINGLE_LIST_ENTRY, i64, ptr, ptr, ptr, ptr, ptr }
%union.anon.16 = type { i32 }
%struct._SINGLE_LIST_ENTRY = type { ptr }
%struct._KEVENT = type { %struct._DISPATCHER_HEADER }
%struct._DISPATCHER_HEADER = type { i8, i8, i8, i8, i32, %struct._LIST_ENTRY }
%struct._IRP = type { i16, i16, ptr, i32, %union.anon, %struct._LIST_ENTRY, %struct._IO_STATUS_BLOCK, i8, i8, i8, i8, i8, i8, i8, i8, ptr, ptr, %union.anon.1, ptr, ptr, %union.anon.3 }
%union.anon = type { ptr }
%struct._IO_STATUS_BLOCK = type { %union.anon.0, i64 }
%union.anon.0 = type { ptr }
%union.anon.1 = type { %struct.anon }
%struct.anon = type { ptr, ptr }
%union.anon.3 = type { %struct._KAPC }
%struct._KAPC = type { i8, i8, i8, i8, i32, ptr, %struct._LIST_ENTRY, [3 x ptr], ptr, ptr, ptr, i8, i8, i8 }
%struct.anon.4 = type { %union.anon.5, ptr, ptr, %struct.anon.7, ptr }
%union.anon.5 = type { %struct.anon.6 }
%struct.anon.6 = type { [4 x ptr] }
%struct.anon.7 = type { %struct._LIST_ENTRY, %union.anon.8 }
%union.anon.8 = type { ptr }
%struct._IO_STACK_LOCATION = type { i8, i8, i8, i8, %union.anon.9, ptr, ptr, ptr, ptr }
%union.anon.9 = type { %struct.anon.10 }
%struct.anon.10 = type { ptr, i32, [4 x i8], i16, i16, [4 x i8], i32 }
%struct.anon.11 = type { i32, [4 x i8], i32, i32, %union._LARGE_INTEGER }
%union._LARGE_INTEGER = type { i64 }
%struct._DEVICE_EXTENSION = type { i64, i8, i32, i32 }
%struct._DRIVER_OBJECT = type { i16, i16, ptr, i32, ptr, i32, ptr, ptr, %struct._UNICODE_STRING, ptr, ptr, ptr, ptr, ptr, [28 x ptr] }
%struct._UNICODE_STRING = type { i16, i16, ptr }

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i32 @DispatchRead(ptr noundef %0, ptr noundef %1) #0 !dbg !13 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  %5 = alloca ptr, align 8
  %6 = alloca i32, align 4
  %7 = alloca ptr, align 8
  %8 = alloca ptr, align 8
  %9 = alloca ptr, align 8
  %10 = alloca ptr, align 8
  %11 = alloca i32, align 4
  store ptr %1, ptr %7, align 8
  call void @llvm.dbg.declare(metadata ptr %7, metadata !408, metadata !DIExpression()), !dbg !409
  store ptr %0, ptr %8, align 8
  call void @llvm.dbg.declare(metadata ptr %8, metadata !410, metadata !DIExpression()), !dbg !409
  call void @llvm.dbg.declare(metadata ptr %9, metadata !411, metadata !DIExpression()), !dbg !420
  %12 = load ptr, ptr %8, align 8, !dbg !420
  %13 = getelementptr inbounds %struct._DEVICE_OBJECT, ptr %12, i32 0, i32 11, !dbg !420
  %14 = load ptr, ptr %13, align 16, !dbg !420
  store ptr %14, ptr %9, align 8, !dbg !420
  call void @llvm.dbg.declare(metadata ptr %10, metadata !421, metadata !DIExpression()), !dbg !423
  %15 = load ptr, ptr %7, align 8, !dbg !423
  store ptr %15, ptr %5, align 8
  call void @llvm.dbg.declare(metadata ptr %5, metadata !424, metadata !DIExpression()), !dbg !428
  %16 = load ptr, ptr %5, align 8, !dbg !430
  %17 = getelementptr inbounds %struct._IRP, ptr %16, i32 0, i32 20, !dbg !430
  %18 = getelementptr inbounds %struct.anon.4, ptr %17, i32 0, i32 3, !dbg !430
  %19 = getelementptr inbounds %struct.anon.7, ptr %18, i32 0, i32 1, !dbg !430
  %20 = load ptr, ptr %19, align 8, !dbg !430
  store ptr %20, ptr %10, align 8, !dbg !423
  call void @llvm.dbg.declare(metadata ptr %11, metadata !431, metadata !DIExpression()), !dbg !432
  %21 = load ptr, ptr %10, align 8, !dbg !433
  %22 = getelementptr inbounds %struct._IO_STACK_LOCATION, ptr %21, i32 0, i32 4, !dbg !433
  %23 = getelementptr inbounds %struct.anon.11, ptr %22, i32 0, i32 0, !dbg !433
  %24 = load i32, ptr %23, align 8, !dbg !433
  %25 = load ptr, ptr %9, align 8, !dbg !433
  %26 = call i32 @BeginTransfer(ptr noundef %25, i32 noundef %24), !dbg !433
  store i32 %26, ptr %11, align 4, !dbg !433
  %27 = load i32, ptr %11, align 4, !dbg !434
  %28 = icmp sge i32 %27, 0, !dbg !434
  br i1 %28, label %37, label %29, !dbg !434

29:                                               ; preds = %2
  %30 = load ptr, ptr %9, align 8, !dbg !435
  call void @EndTransfer(ptr noundef %30), !dbg !435
  %31 = load i32, ptr %11, align 4, !dbg !438
  %32 = load ptr, ptr %7, align 8, !dbg !438
  %33 = getelementptr inbounds %struct._IRP, ptr %32, i32 0, i32 6, !dbg !438
  %34 = getelementptr inbounds %struct._IO_STATUS_BLOCK, ptr %33, i32 0, i32 0, !dbg !438
  store i32 %31, ptr %34, align 8, !dbg !438
  %35 = load ptr, ptr %7, align 8, !dbg !439
  call void @IofCompleteRequest(ptr noundef %35, i8 noundef 0), !dbg !439
  %36 = load i32, ptr %11, align 4, !dbg !440
  store i32 %36, ptr %6, align 4, !dbg !440
  br label %51, !dbg !440

37:                                               ; preds = %2
  %38 = load ptr, ptr %9, align 8, !dbg !441
  call void @EndTransfer(ptr noundef %38), !dbg !441
  %39 = load ptr, ptr %7, align 8, !dbg !442
  store ptr %39, ptr %4, align 8
  call void @llvm.dbg.declare(metadata ptr %4, metadata !443, metadata !DIExpression()), !dbg !447
  %40 = load ptr, ptr %4, align 8, !dbg !449
  store ptr %40, ptr %3, align 8
  call void @llvm.dbg.declare(metadata ptr %3, metadata !424, metadata !DIExpression()), !dbg !450
  %41 = load ptr, ptr %3, align 8, !dbg !452
  %42 = getelementptr inbounds %struct._IRP, ptr %41, i32 0, i32 20, !dbg !452
  %43 = getelementptr inbounds %struct.anon.4, ptr %42, i32 0, i32 3, !dbg !452
  %44 = getelementptr inbounds %struct.anon.7, ptr %43, i32 0, i32 1, !dbg !452
  %45 = load ptr, ptr %44, align 8, !dbg !452
  %46 = getelementptr inbounds %struct._IO_STACK_LOCATION, ptr %45, i32 0, i32 3, !dbg !449
  %47 = load i8, ptr %46, align 1, !dbg !449
  %48 = zext i8 %47 to i32, !dbg !449
  %49 = or i32 %48, 1, !dbg !449
  %50 = trunc i32 %49 to i8, !dbg !449
  store i8 %50, ptr %46, align 1, !dbg !449
  store i32 259, ptr %6, align 4, !dbg !453
  br label %51, !dbg !453

51:                                               ; preds = %37, %29
  %52 = load i32, ptr %6, align 4, !dbg !454
  ret i32 %52, !dbg !454
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare void @llvm.dbg.declare(metadata, metadata, metadata) #1

; Function Attrs: noinline nounwind optnone uwtable
define internal i32 @BeginTransfer(ptr noundef %0, i32 noundef %1) #0 !dbg !455 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca ptr, align 8
  store i32 %1, ptr %4, align 4
  call void @llvm.dbg.declare(metadata ptr %4, metadata !458, metadata !DIExpression()), !dbg !459
  store ptr %0, ptr %5, align 8
  call void @llvm.dbg.declare(metadata ptr %5, metadata !460, metadata !DIExpression()), !dbg !459
  %6 = load ptr, ptr %5, align 8, !dbg !461
  call void @LockDevice(ptr noundef %6), !dbg !461
  %7 = load i32, ptr %4, align 4, !dbg !462
  %8 = load ptr, ptr %5, align 8, !dbg !462
  %9 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %8, i32 0, i32 2, !dbg !462
  %10 = load i32, ptr %9, align 4, !dbg !462
  %11 = load ptr, ptr %5, align 8, !dbg !462
  %12 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %11, i32 0, i32 3, !dbg !462
  %13 = load i32, ptr %12, align 8, !dbg !462
  %14 = sub i32 %10, %13, !dbg !462
  %15 = icmp ugt i32 %7, %14, !dbg !462
  br i1 %15, label %16, label %17, !dbg !462

16:                                               ; preds = %2
  store i32 -2147483631, ptr %3, align 4, !dbg !463
  br label %23, !dbg !463

17:                                               ; preds = %2
  %18 = load i32, ptr %4, align 4, !dbg !466
  %19 = load ptr, ptr %5, align 8, !dbg !466
  %20 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %19, i32 0, i32 3, !dbg !466
  %21 = load i32, ptr %20, align 8, !dbg !466
  %22 = add i32 %21, %18, !dbg !466
  store i32 %22, ptr %20, align 8, !dbg !466
  store i32 0, ptr %3, align 4, !dbg !467
  br label %23, !dbg !467

23:                                               ; preds = %17, %16
  %24 = load i32, ptr %3, align 4, !dbg !468
  ret i32 %24, !dbg !468
}

; Function Attrs: noinline nounwind optnone uwtable
define internal void @EndTransfer(ptr noundef %0) #0 !dbg !469 {
  %2 = alloca ptr, align 8
  store ptr %0, ptr %2, align 8
  call void @llvm.dbg.declare(metadata ptr %2, metadata !472, metadata !DIExpression()), !dbg !473
  %3 = load ptr, ptr %2, align 8, !dbg !474
  call void @UnlockDevice(ptr noundef %3), !dbg !474
  ret void, !dbg !475
}

declare dso_local void @IofCompleteRequest(ptr noundef, i8 noundef) #2

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i32 @DrirnEervty(ptr noundef %0, ptr noundef %1) #0 !dbg !476 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  store ptr %1, ptr %3, align 8
  call void @llvm.dbg.declare(metadata ptr %3, metadata !480, metadata !DIExpression()), !dbg !481
  store ptr %0, ptr %4, align 8
  call void @llvm.dbg.declare(metadata ptr %4, metadata !482, metadata !DIExpression()), !dbg !481
  %5 = load ptr, ptr %3, align 8, !dbg !483
  %6 = load ptr, ptr %4, align 8, !dbg !484
  %7 = getelementptr inbounds %struct._DRIVER_OBJECT, ptr %6, i32 0, i32 14, !dbg !484
  %8 = getelementptr inbounds [28 x ptr], ptr %7, i64 0, i64 3, !dbg !484
  store ptr @DispatchRead, ptr %8, align 8, !dbg !484
  ret i32 0, !dbg !485
}

; Function Attrs: noinline nounwind optnone uwtable
define internal void @LockDevice(ptr noundef %0) #0 !dbg !486 {
  %2 = alloca ptr, align 8
  store ptr %0, ptr %2, align 8
  call void @llvm.dbg.declare(metadata ptr %2, metadata !487, metadata !DIExpression()), !dbg !488
  %3 = load ptr, ptr %2, align 8, !dbg !489
  %4 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %3, i32 0, i32 0, !dbg !489
  %5 = call i8 @KeAcquireSpinLockRaiseToDpc(ptr noundef %4), !dbg !489
  %6 = load ptr, ptr %2, align 8, !dbg !489
  %7 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %6, i32 0, i32 1, !dbg !489
  store i8 %5, ptr %7, align 8, !dbg !489
  ret void, !dbg !490
}

declare dso_local i8 @KeAcquireSpinLockRaiseToDpc(ptr noundef) #2

; Function Attrs: noinline nounwind optnone uwtable
define internal void @UnlockDevice(ptr noundef %0) #0 !dbg !491 {
  %2 = alloca ptr, align 8
  store ptr %0, ptr %2, align 8
  call void @llvm.dbg.declare(metadata ptr %2, metadata !492, metadata !DIExpression()), !dbg !493
  %3 = load ptr, ptr %2, align 8, !dbg !494
  %4 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %3, i32 0, i32 1, !dbg !494
  %5 = load i8, ptr %4, align 8, !dbg !494
  %6 = load ptr, ptr %2, align 8, !dbg !494
  %7 = getelementptr inbounds %struct._DEVICE_EXTENSION, ptr %6, i32 0, i32 0, !dbg !494
  call void @KeReleaseSpinLock(ptr noundef %7, i8 noundef %5), !dbg !494
  ret void, !dbg !495
}

declare dso_local void @KeReleaseSpinLock(ptr noundef, i8 noundef) #2

attributes #0 = { noinline nounwind optnone uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #2 = { "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!7, !8, !9, !10, !11}
!llvm.ident = !{!12}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "Debian clang version 16.0.6 (15~deb12u1)", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "/work/wt-fuzz/tests/lit/check/held-at-exit-two-helpers-safe.c", directory: "/work/wt-fuzz", checksumkind: CSK_MD5, checksum: "db956aab30484588641771b190db6332")
!2 = !{!3}
!3 = !DIDerivedType(tag: DW_TAG_typedef, name: "NTSTATUS", file: !4, line: 97, baseType: !5)
!4 = !DIFile(filename: "tests/ddk/wdm.h", directory: "/work/wt-fuzz", checksumkind: CSK_MD5, checksum: "8188b5db9ce50660a89f1dcecd54c936")
!5 = !DIDerivedType(tag: DW_TAG_typedef, name: "LONG", file: !4, line: 78, baseType: !6)
!6 = !DIBasicType(name: "long", size: 32, encoding: DW_ATE_signed)
!7 = !{i32 2, !"CodeView", i32 1}
!8 = !{i32 2, !"Debug Info Version", i32 3}
!9 = !{i32 1, !"wchar_size", i32 2}
!10 = !{i32 8, !"PIC Level", i32 2}
!11 = !{i32 7, !"uwtable", i32 2}
!12 = !{!"Debian clang version 16.0.6 (15~deb12u1)"}
!13 = distinct !DISubprogram(name: "DispatchRead", scope: !14, file: !14, line: 46, type: !15, scopeLine: 47, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !407)
!14 = !DIFile(filename: "tests/lit/check/held-at-exit-two-helpers-safe.c", directory: "/work/wt-fuzz", checksumkind: CSK_MD5, checksum: "db956aab30484588641771b190db6332")
!15 = !DISubroutineType(types: !16)
!16 = !{!3, !17, !406}
!17 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDEVICE_OBJECT", file: !4, line: 305, baseType: !18)
!18 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !19, size: 64)
!19 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_DEVICE_OBJECT", file: !4, line: 691, size: 2688, align: 128, elements: !20)
!20 = !{!21, !24, !27, !28, !316, !317, !318, !319, !323, !324, !325, !330, !331, !333, !334, !348, !349, !350, !360, !395, !396, !398, !400, !401, !402, !405}
!21 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !19, file: !4, line: 692, baseType: !22, size: 16)
!22 = !DIDerivedType(tag: DW_TAG_typedef, name: "CSHORT", file: !4, line: 76, baseType: !23)
!23 = !DIBasicType(name: "short", size: 16, encoding: DW_ATE_signed)
!24 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !19, file: !4, line: 693, baseType: !25, size: 16, offset: 16)
!25 = !DIDerivedType(tag: DW_TAG_typedef, name: "USHORT", file: !4, line: 77, baseType: !26)
!26 = !DIBasicType(name: "unsigned short", size: 16, encoding: DW_ATE_unsigned)
!27 = !DIDerivedType(tag: DW_TAG_member, name: "ReferenceCount", scope: !19, file: !4, line: 694, baseType: !5, size: 32, offset: 32)
!28 = !DIDerivedType(tag: DW_TAG_member, name: "DriverObject", scope: !19, file: !4, line: 695, baseType: !29, size: 64, offset: 64)
!29 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !30, size: 64)
!30 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_DRIVER_OBJECT", file: !4, line: 729, size: 2688, elements: !31)
!31 = !{!32, !33, !34, !35, !38, !41, !42, !43, !65, !66, !69, !73, !79, !301, !307}
!32 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !30, file: !4, line: 730, baseType: !22, size: 16)
!33 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !30, file: !4, line: 731, baseType: !22, size: 16, offset: 16)
!34 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceObject", scope: !30, file: !4, line: 732, baseType: !17, size: 64, offset: 64)
!35 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !30, file: !4, line: 733, baseType: !36, size: 32, offset: 128)
!36 = !DIDerivedType(tag: DW_TAG_typedef, name: "ULONG", file: !4, line: 79, baseType: !37)
!37 = !DIBasicType(name: "unsigned long", size: 32, encoding: DW_ATE_unsigned)
!38 = !DIDerivedType(tag: DW_TAG_member, name: "DriverStart", scope: !30, file: !4, line: 734, baseType: !39, size: 64, offset: 192)
!39 = !DIDerivedType(tag: DW_TAG_typedef, name: "PVOID", file: !4, line: 70, baseType: !40)
!40 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)
!41 = !DIDerivedType(tag: DW_TAG_member, name: "DriverSize", scope: !30, file: !4, line: 735, baseType: !36, size: 32, offset: 256)
!42 = !DIDerivedType(tag: DW_TAG_member, name: "DriverSection", scope: !30, file: !4, line: 736, baseType: !39, size: 64, offset: 320)
!43 = !DIDerivedType(tag: DW_TAG_member, name: "DriverExtension", scope: !30, file: !4, line: 737, baseType: !44, size: 64, offset: 384)
!44 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_EXTENSION", file: !4, line: 727, baseType: !45)
!45 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !46, size: 64)
!46 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_DRIVER_EXTENSION", file: !4, line: 722, size: 320, elements: !47)
!47 = !{!48, !49, !55, !56}
!48 = !DIDerivedType(tag: DW_TAG_member, name: "DriverObject", scope: !46, file: !4, line: 723, baseType: !29, size: 64)
!49 = !DIDerivedType(tag: DW_TAG_member, name: "AddDevice", scope: !46, file: !4, line: 724, baseType: !50, size: 64, offset: 64)
!50 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_ADD_DEVICE", file: !4, line: 341, baseType: !51)
!51 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !52, size: 64)
!52 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_ADD_DEVICE", file: !4, line: 339, baseType: !53)
!53 = !DISubroutineType(types: !54)
!54 = !{!3, !29, !18}
!55 = !DIDerivedType(tag: DW_TAG_member, name: "Count", scope: !46, file: !4, line: 725, baseType: !36, size: 32, offset: 128)
!56 = !DIDerivedType(tag: DW_TAG_member, name: "ServiceKeyName", scope: !46, file: !4, line: 726, baseType: !57, size: 128, offset: 192)
!57 = !DIDerivedType(tag: DW_TAG_typedef, name: "UNICODE_STRING", file: !4, line: 134, baseType: !58)
!58 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_UNICODE_STRING", file: !4, line: 130, size: 128, elements: !59)
!59 = !{!60, !61, !62}
!60 = !DIDerivedType(tag: DW_TAG_member, name: "Length", scope: !58, file: !4, line: 131, baseType: !25, size: 16)
!61 = !DIDerivedType(tag: DW_TAG_member, name: "MaximumLength", scope: !58, file: !4, line: 132, baseType: !25, size: 16, offset: 16)
!62 = !DIDerivedType(tag: DW_TAG_member, name: "Buffer", scope: !58, file: !4, line: 133, baseType: !63, size: 64, offset: 64)
!63 = !DIDerivedType(tag: DW_TAG_typedef, name: "PWSTR", file: !4, line: 82, baseType: !64)
!64 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !26, size: 64)
!65 = !DIDerivedType(tag: DW_TAG_member, name: "DriverName", scope: !30, file: !4, line: 738, baseType: !57, size: 128, offset: 448)
!66 = !DIDerivedType(tag: DW_TAG_member, name: "HardwareDatabase", scope: !30, file: !4, line: 739, baseType: !67, size: 64, offset: 576)
!67 = !DIDerivedType(tag: DW_TAG_typedef, name: "PUNICODE_STRING", file: !4, line: 134, baseType: !68)
!68 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !58, size: 64)
!69 = !DIDerivedType(tag: DW_TAG_member, name: "FastIoDispatch", scope: !30, file: !4, line: 740, baseType: !70, size: 64, offset: 640)
!70 = !DIDerivedType(tag: DW_TAG_typedef, name: "PFAST_IO_DISPATCH", file: !4, line: 314, baseType: !71)
!71 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !72, size: 64)
!72 = !DICompositeType(tag: DW_TAG_structure_type, name: "_FAST_IO_DISPATCH", file: !4, line: 300, flags: DIFlagFwdDecl)
!73 = !DIDerivedType(tag: DW_TAG_member, name: "DriverInit", scope: !30, file: !4, line: 741, baseType: !74, size: 64, offset: 704)
!74 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_INITIALIZE", file: !4, line: 324, baseType: !75)
!75 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !76, size: 64)
!76 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_INITIALIZE", file: !4, line: 322, baseType: !77)
!77 = !DISubroutineType(types: !78)
!78 = !{!3, !29, !67}
!79 = !DIDerivedType(tag: DW_TAG_member, name: "DriverStartIo", scope: !30, file: !4, line: 742, baseType: !80, size: 64, offset: 768)
!80 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_STARTIO", file: !4, line: 337, baseType: !81)
!81 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !82, size: 64)
!82 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_STARTIO", file: !4, line: 335, baseType: !83)
!83 = !DISubroutineType(types: !84)
!84 = !{null, !18, !85}
!85 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !86, size: 64)
!86 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_IRP", file: !4, line: 801, size: 1664, elements: !87)
!87 = !{!88, !89, !90, !94, !95, !101, !102, !109, !121, !125, !129, !131, !132, !133, !135, !136, !137, !140, !155, !179, !180, !185, !186, !300}
!88 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !86, file: !4, line: 802, baseType: !22, size: 16)
!89 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !86, file: !4, line: 803, baseType: !25, size: 16, offset: 16)
!90 = !DIDerivedType(tag: DW_TAG_member, name: "MdlAddress", scope: !86, file: !4, line: 804, baseType: !91, size: 64, offset: 64)
!91 = !DIDerivedType(tag: DW_TAG_typedef, name: "PMDL", file: !4, line: 310, baseType: !92)
!92 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !93, size: 64)
!93 = !DICompositeType(tag: DW_TAG_structure_type, name: "_MDL", file: !4, line: 295, flags: DIFlagFwdDecl)
!94 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !86, file: !4, line: 805, baseType: !36, size: 32, offset: 128)
!95 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !86, file: !4, line: 806, size: 64, elements: !96)
!96 = !{!97, !98, !100}
!97 = !DIDerivedType(tag: DW_TAG_member, name: "MasterIrp", scope: !95, file: !4, line: 807, baseType: !85, size: 64)
!98 = !DIDerivedType(tag: DW_TAG_member, name: "IrpCount", scope: !95, file: !4, line: 808, baseType: !99, size: 32)
!99 = !DIDerivedType(tag: DW_TAG_volatile_type, baseType: !5)
!100 = !DIDerivedType(tag: DW_TAG_member, name: "SystemBuffer", scope: !95, file: !4, line: 809, baseType: !39, size: 64)
!101 = !DIDerivedType(tag: DW_TAG_member, name: "AssociatedIrp", scope: !86, file: !4, line: 810, baseType: !95, size: 64, offset: 192)
!102 = !DIDerivedType(tag: DW_TAG_member, name: "ThreadListEntry", scope: !86, file: !4, line: 811, baseType: !103, size: 128, offset: 256)
!103 = !DIDerivedType(tag: DW_TAG_typedef, name: "LIST_ENTRY", file: !4, line: 140, baseType: !104)
!104 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_LIST_ENTRY", file: !4, line: 137, size: 128, elements: !105)
!105 = !{!106, !108}
!106 = !DIDerivedType(tag: DW_TAG_member, name: "Flink", scope: !104, file: !4, line: 138, baseType: !107, size: 64)
!107 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !104, size: 64)
!108 = !DIDerivedType(tag: DW_TAG_member, name: "Blink", scope: !104, file: !4, line: 139, baseType: !107, size: 64, offset: 64)
!109 = !DIDerivedType(tag: DW_TAG_member, name: "IoStatus", scope: !86, file: !4, line: 812, baseType: !110, size: 128, offset: 384)
!110 = !DIDerivedType(tag: DW_TAG_typedef, name: "IO_STATUS_BLOCK", file: !4, line: 640, baseType: !111)
!111 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_IO_STATUS_BLOCK", file: !4, line: 634, size: 128, elements: !112)
!112 = !{!113, !118}
!113 = !DIDerivedType(tag: DW_TAG_member, scope: !111, file: !4, line: 635, baseType: !114, size: 64)
!114 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !111, file: !4, line: 635, size: 64, elements: !115)
!115 = !{!116, !117}
!116 = !DIDerivedType(tag: DW_TAG_member, name: "Status", scope: !114, file: !4, line: 636, baseType: !3, size: 32)
!117 = !DIDerivedType(tag: DW_TAG_member, name: "Pointer", scope: !114, file: !4, line: 637, baseType: !39, size: 64)
!118 = !DIDerivedType(tag: DW_TAG_member, name: "Information", scope: !111, file: !4, line: 639, baseType: !119, size: 64, offset: 64)
!119 = !DIDerivedType(tag: DW_TAG_typedef, name: "ULONG_PTR", file: !4, line: 90, baseType: !120)
!120 = !DIBasicType(name: "unsigned long long", size: 64, encoding: DW_ATE_unsigned)
!121 = !DIDerivedType(tag: DW_TAG_member, name: "RequestorMode", scope: !86, file: !4, line: 813, baseType: !122, size: 8, offset: 512)
!122 = !DIDerivedType(tag: DW_TAG_typedef, name: "KPROCESSOR_MODE", file: !4, line: 99, baseType: !123)
!123 = !DIDerivedType(tag: DW_TAG_typedef, name: "CCHAR", file: !4, line: 73, baseType: !124)
!124 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!125 = !DIDerivedType(tag: DW_TAG_member, name: "PendingReturned", scope: !86, file: !4, line: 814, baseType: !126, size: 8, offset: 520)
!126 = !DIDerivedType(tag: DW_TAG_typedef, name: "BOOLEAN", file: !4, line: 96, baseType: !127)
!127 = !DIDerivedType(tag: DW_TAG_typedef, name: "UCHAR", file: !4, line: 75, baseType: !128)
!128 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!129 = !DIDerivedType(tag: DW_TAG_member, name: "StackCount", scope: !86, file: !4, line: 815, baseType: !130, size: 8, offset: 528)
!130 = !DIDerivedType(tag: DW_TAG_typedef, name: "CHAR", file: !4, line: 73, baseType: !124)
!131 = !DIDerivedType(tag: DW_TAG_member, name: "CurrentLocation", scope: !86, file: !4, line: 816, baseType: !130, size: 8, offset: 536)
!132 = !DIDerivedType(tag: DW_TAG_member, name: "Cancel", scope: !86, file: !4, line: 817, baseType: !126, size: 8, offset: 544)
!133 = !DIDerivedType(tag: DW_TAG_member, name: "CancelIrql", scope: !86, file: !4, line: 818, baseType: !134, size: 8, offset: 552)
!134 = !DIDerivedType(tag: DW_TAG_typedef, name: "KIRQL", file: !4, line: 98, baseType: !127)
!135 = !DIDerivedType(tag: DW_TAG_member, name: "ApcEnvironment", scope: !86, file: !4, line: 819, baseType: !123, size: 8, offset: 560)
!136 = !DIDerivedType(tag: DW_TAG_member, name: "AllocationFlags", scope: !86, file: !4, line: 820, baseType: !127, size: 8, offset: 568)
!137 = !DIDerivedType(tag: DW_TAG_member, name: "UserIosb", scope: !86, file: !4, line: 821, baseType: !138, size: 64, offset: 576)
!138 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIO_STATUS_BLOCK", file: !4, line: 640, baseType: !139)
!139 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !111, size: 64)
!140 = !DIDerivedType(tag: DW_TAG_member, name: "UserEvent", scope: !86, file: !4, line: 822, baseType: !141, size: 64, offset: 640)
!141 = !DIDerivedType(tag: DW_TAG_typedef, name: "PKEVENT", file: !4, line: 387, baseType: !142)
!142 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !143, size: 64)
!143 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_KEVENT", file: !4, line: 385, size: 192, elements: !144)
!144 = !{!145}
!145 = !DIDerivedType(tag: DW_TAG_member, name: "Header", scope: !143, file: !4, line: 386, baseType: !146, size: 192)
!146 = !DIDerivedType(tag: DW_TAG_typedef, name: "DISPATCHER_HEADER", file: !4, line: 383, baseType: !147)
!147 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_DISPATCHER_HEADER", file: !4, line: 376, size: 192, elements: !148)
!148 = !{!149, !150, !151, !152, !153, !154}
!149 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !147, file: !4, line: 377, baseType: !127, size: 8)
!150 = !DIDerivedType(tag: DW_TAG_member, name: "Signalling", scope: !147, file: !4, line: 378, baseType: !127, size: 8, offset: 8)
!151 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !147, file: !4, line: 379, baseType: !127, size: 8, offset: 16)
!152 = !DIDerivedType(tag: DW_TAG_member, name: "Reserved0", scope: !147, file: !4, line: 380, baseType: !127, size: 8, offset: 24)
!153 = !DIDerivedType(tag: DW_TAG_member, name: "SignalState", scope: !147, file: !4, line: 381, baseType: !5, size: 32, offset: 32)
!154 = !DIDerivedType(tag: DW_TAG_member, name: "WaitListHead", scope: !147, file: !4, line: 382, baseType: !103, size: 128, offset: 64)
!155 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !86, file: !4, line: 823, size: 128, elements: !156)
!156 = !{!157, !166, !167}
!157 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !155, file: !4, line: 824, size: 128, elements: !158)
!158 = !{!159, !165}
!159 = !DIDerivedType(tag: DW_TAG_member, name: "UserApcRoutine", scope: !157, file: !4, line: 825, baseType: !160, size: 64)
!160 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIO_APC_ROUTINE", file: !4, line: 644, baseType: !161)
!161 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !162, size: 64)
!162 = !DIDerivedType(tag: DW_TAG_typedef, name: "IO_APC_ROUTINE", file: !4, line: 642, baseType: !163)
!163 = !DISubroutineType(types: !164)
!164 = !{null, !39, !138, !36}
!165 = !DIDerivedType(tag: DW_TAG_member, name: "UserApcContext", scope: !157, file: !4, line: 826, baseType: !39, size: 64, offset: 64)
!166 = !DIDerivedType(tag: DW_TAG_member, name: "AsynchronousParameters", scope: !155, file: !4, line: 827, baseType: !157, size: 128)
!167 = !DIDerivedType(tag: DW_TAG_member, name: "AllocationSize", scope: !155, file: !4, line: 828, baseType: !168, size: 64)
!168 = !DIDerivedType(tag: DW_TAG_typedef, name: "LARGE_INTEGER", file: !4, line: 118, baseType: !169)
!169 = distinct !DICompositeType(tag: DW_TAG_union_type, name: "_LARGE_INTEGER", file: !4, line: 112, size: 64, elements: !170)
!170 = !{!171, !176}
!171 = !DIDerivedType(tag: DW_TAG_member, scope: !169, file: !4, line: 113, baseType: !172, size: 64)
!172 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !169, file: !4, line: 113, size: 64, elements: !173)
!173 = !{!174, !175}
!174 = !DIDerivedType(tag: DW_TAG_member, name: "LowPart", scope: !172, file: !4, line: 114, baseType: !36, size: 32)
!175 = !DIDerivedType(tag: DW_TAG_member, name: "HighPart", scope: !172, file: !4, line: 115, baseType: !5, size: 32, offset: 32)
!176 = !DIDerivedType(tag: DW_TAG_member, name: "QuadPart", scope: !169, file: !4, line: 117, baseType: !177, size: 64)
!177 = !DIDerivedType(tag: DW_TAG_typedef, name: "LONGLONG", file: !4, line: 80, baseType: !178)
!178 = !DIBasicType(name: "long long", size: 64, encoding: DW_ATE_signed)
!179 = !DIDerivedType(tag: DW_TAG_member, name: "Overlay", scope: !86, file: !4, line: 829, baseType: !155, size: 128, offset: 704)
!180 = !DIDerivedType(tag: DW_TAG_member, name: "CancelRoutine", scope: !86, file: !4, line: 830, baseType: !181, size: 64, offset: 832)
!181 = !DIDerivedType(tag: DW_TAG_volatile_type, baseType: !182)
!182 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_CANCEL", file: !4, line: 345, baseType: !183)
!183 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !184, size: 64)
!184 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_CANCEL", file: !4, line: 343, baseType: !83)
!185 = !DIDerivedType(tag: DW_TAG_member, name: "UserBuffer", scope: !86, file: !4, line: 831, baseType: !39, size: 64, offset: 896)
!186 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !86, file: !4, line: 832, size: 704, elements: !187)
!187 = !{!188, !275, !276, !299}
!188 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !186, file: !4, line: 833, size: 640, elements: !189)
!189 = !{!190, !200, !204, !207, !274}
!190 = !DIDerivedType(tag: DW_TAG_member, scope: !188, file: !4, line: 834, baseType: !191, size: 256)
!191 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !188, file: !4, line: 834, size: 256, elements: !192)
!192 = !{!193, null}
!193 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceQueueEntry", scope: !191, file: !4, line: 835, baseType: !194, size: 192)
!194 = !DIDerivedType(tag: DW_TAG_typedef, name: "KDEVICE_QUEUE_ENTRY", file: !4, line: 650, baseType: !195)
!195 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_KDEVICE_QUEUE_ENTRY", file: !4, line: 646, size: 192, elements: !196)
!196 = !{!197, !198, !199}
!197 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceListEntry", scope: !195, file: !4, line: 647, baseType: !103, size: 128)
!198 = !DIDerivedType(tag: DW_TAG_member, name: "SortKey", scope: !195, file: !4, line: 648, baseType: !36, size: 32, offset: 128)
!199 = !DIDerivedType(tag: DW_TAG_member, name: "Inserted", scope: !195, file: !4, line: 649, baseType: !126, size: 8, offset: 160)
!200 = !DIDerivedType(tag: DW_TAG_member, name: "Thread", scope: !188, file: !4, line: 840, baseType: !201, size: 64, offset: 256)
!201 = !DIDerivedType(tag: DW_TAG_typedef, name: "PETHREAD", file: !4, line: 313, baseType: !202)
!202 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !203, size: 64)
!203 = !DICompositeType(tag: DW_TAG_structure_type, name: "_ETHREAD", file: !4, line: 299, flags: DIFlagFwdDecl)
!204 = !DIDerivedType(tag: DW_TAG_member, name: "AuxiliaryBuffer", scope: !188, file: !4, line: 841, baseType: !205, size: 64, offset: 320)
!205 = !DIDerivedType(tag: DW_TAG_typedef, name: "PCHAR", file: !4, line: 73, baseType: !206)
!206 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !124, size: 64)
!207 = !DIDerivedType(tag: DW_TAG_member, scope: !188, file: !4, line: 842, baseType: !208, size: 192, offset: 384)
!208 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !188, file: !4, line: 842, size: 192, elements: !209)
!209 = !{!210, !211}
!210 = !DIDerivedType(tag: DW_TAG_member, name: "ListEntry", scope: !208, file: !4, line: 843, baseType: !103, size: 128)
!211 = !DIDerivedType(tag: DW_TAG_member, scope: !208, file: !4, line: 844, baseType: !212, size: 64, offset: 128)
!212 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !208, file: !4, line: 844, size: 64, elements: !213)
!213 = !{!214, !273}
!214 = !DIDerivedType(tag: DW_TAG_member, name: "CurrentStackLocation", scope: !212, file: !4, line: 845, baseType: !215, size: 64)
!215 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !216, size: 64)
!216 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_IO_STACK_LOCATION", file: !4, line: 750, size: 576, elements: !217)
!217 = !{!218, !219, !220, !221, !222, !260, !261, !262, !266, !272}
!218 = !DIDerivedType(tag: DW_TAG_member, name: "MajorFunction", scope: !216, file: !4, line: 751, baseType: !127, size: 8)
!219 = !DIDerivedType(tag: DW_TAG_member, name: "MinorFunction", scope: !216, file: !4, line: 752, baseType: !127, size: 8, offset: 8)
!220 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !216, file: !4, line: 753, baseType: !127, size: 8, offset: 16)
!221 = !DIDerivedType(tag: DW_TAG_member, name: "Control", scope: !216, file: !4, line: 754, baseType: !127, size: 8, offset: 24)
!222 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !216, file: !4, line: 755, size: 256, elements: !223)
!223 = !{!224, !231, !232, !238, !239, !245, !246, !252, !253, !259}
!224 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !222, file: !4, line: 756, size: 256, elements: !225)
!225 = !{!226, !227, !228, !229, !230}
!226 = !DIDerivedType(tag: DW_TAG_member, name: "SecurityContext", scope: !224, file: !4, line: 757, baseType: !39, size: 64)
!227 = !DIDerivedType(tag: DW_TAG_member, name: "Options", scope: !224, file: !4, line: 758, baseType: !36, size: 32, offset: 64)
!228 = !DIDerivedType(tag: DW_TAG_member, name: "FileAttributes", scope: !224, file: !4, line: 759, baseType: !25, size: 16, align: 64, offset: 128)
!229 = !DIDerivedType(tag: DW_TAG_member, name: "ShareAccess", scope: !224, file: !4, line: 760, baseType: !25, size: 16, offset: 144)
!230 = !DIDerivedType(tag: DW_TAG_member, name: "EaLength", scope: !224, file: !4, line: 761, baseType: !36, size: 32, align: 64, offset: 192)
!231 = !DIDerivedType(tag: DW_TAG_member, name: "Create", scope: !222, file: !4, line: 762, baseType: !224, size: 256)
!232 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !222, file: !4, line: 763, size: 192, elements: !233)
!233 = !{!234, !235, !236, !237}
!234 = !DIDerivedType(tag: DW_TAG_member, name: "Length", scope: !232, file: !4, line: 764, baseType: !36, size: 32)
!235 = !DIDerivedType(tag: DW_TAG_member, name: "Key", scope: !232, file: !4, line: 765, baseType: !36, size: 32, align: 64, offset: 64)
!236 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !232, file: !4, line: 767, baseType: !36, size: 32, offset: 96)
!237 = !DIDerivedType(tag: DW_TAG_member, name: "ByteOffset", scope: !232, file: !4, line: 769, baseType: !168, size: 64, offset: 128)
!238 = !DIDerivedType(tag: DW_TAG_member, name: "Read", scope: !222, file: !4, line: 770, baseType: !232, size: 192)
!239 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !222, file: !4, line: 771, size: 192, elements: !240)
!240 = !{!241, !242, !243, !244}
!241 = !DIDerivedType(tag: DW_TAG_member, name: "Length", scope: !239, file: !4, line: 772, baseType: !36, size: 32)
!242 = !DIDerivedType(tag: DW_TAG_member, name: "Key", scope: !239, file: !4, line: 773, baseType: !36, size: 32, align: 64, offset: 64)
!243 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !239, file: !4, line: 775, baseType: !36, size: 32, offset: 96)
!244 = !DIDerivedType(tag: DW_TAG_member, name: "ByteOffset", scope: !239, file: !4, line: 777, baseType: !168, size: 64, offset: 128)
!245 = !DIDerivedType(tag: DW_TAG_member, name: "Write", scope: !222, file: !4, line: 778, baseType: !239, size: 192)
!246 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !222, file: !4, line: 779, size: 256, elements: !247)
!247 = !{!248, !249, !250, !251}
!248 = !DIDerivedType(tag: DW_TAG_member, name: "OutputBufferLength", scope: !246, file: !4, line: 780, baseType: !36, size: 32)
!249 = !DIDerivedType(tag: DW_TAG_member, name: "InputBufferLength", scope: !246, file: !4, line: 781, baseType: !36, size: 32, align: 64, offset: 64)
!250 = !DIDerivedType(tag: DW_TAG_member, name: "IoControlCode", scope: !246, file: !4, line: 782, baseType: !36, size: 32, align: 64, offset: 128)
!251 = !DIDerivedType(tag: DW_TAG_member, name: "Type3InputBuffer", scope: !246, file: !4, line: 783, baseType: !39, size: 64, offset: 192)
!252 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceIoControl", scope: !222, file: !4, line: 784, baseType: !246, size: 256)
!253 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !222, file: !4, line: 785, size: 256, elements: !254)
!254 = !{!255, !256, !257, !258}
!255 = !DIDerivedType(tag: DW_TAG_member, name: "Argument1", scope: !253, file: !4, line: 786, baseType: !39, size: 64)
!256 = !DIDerivedType(tag: DW_TAG_member, name: "Argument2", scope: !253, file: !4, line: 787, baseType: !39, size: 64, offset: 64)
!257 = !DIDerivedType(tag: DW_TAG_member, name: "Argument3", scope: !253, file: !4, line: 788, baseType: !39, size: 64, offset: 128)
!258 = !DIDerivedType(tag: DW_TAG_member, name: "Argument4", scope: !253, file: !4, line: 789, baseType: !39, size: 64, offset: 192)
!259 = !DIDerivedType(tag: DW_TAG_member, name: "Others", scope: !222, file: !4, line: 790, baseType: !253, size: 256)
!260 = !DIDerivedType(tag: DW_TAG_member, name: "Parameters", scope: !216, file: !4, line: 791, baseType: !222, size: 256, offset: 64)
!261 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceObject", scope: !216, file: !4, line: 792, baseType: !17, size: 64, offset: 320)
!262 = !DIDerivedType(tag: DW_TAG_member, name: "FileObject", scope: !216, file: !4, line: 793, baseType: !263, size: 64, offset: 384)
!263 = !DIDerivedType(tag: DW_TAG_typedef, name: "PFILE_OBJECT", file: !4, line: 309, baseType: !264)
!264 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !265, size: 64)
!265 = !DICompositeType(tag: DW_TAG_structure_type, name: "_FILE_OBJECT", file: !4, line: 294, flags: DIFlagFwdDecl)
!266 = !DIDerivedType(tag: DW_TAG_member, name: "CompletionRoutine", scope: !216, file: !4, line: 794, baseType: !267, size: 64, offset: 448)
!267 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIO_COMPLETION_ROUTINE", file: !4, line: 349, baseType: !268)
!268 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !269, size: 64)
!269 = !DIDerivedType(tag: DW_TAG_typedef, name: "IO_COMPLETION_ROUTINE", file: !4, line: 347, baseType: !270)
!270 = !DISubroutineType(types: !271)
!271 = !{!3, !18, !85, !39}
!272 = !DIDerivedType(tag: DW_TAG_member, name: "Context", scope: !216, file: !4, line: 795, baseType: !39, size: 64, offset: 512)
!273 = !DIDerivedType(tag: DW_TAG_member, name: "PacketType", scope: !212, file: !4, line: 846, baseType: !36, size: 32)
!274 = !DIDerivedType(tag: DW_TAG_member, name: "OriginalFileObject", scope: !188, file: !4, line: 849, baseType: !263, size: 64, offset: 576)
!275 = !DIDerivedType(tag: DW_TAG_member, name: "Overlay", scope: !186, file: !4, line: 850, baseType: !188, size: 640)
!276 = !DIDerivedType(tag: DW_TAG_member, name: "Apc", scope: !186, file: !4, line: 851, baseType: !277, size: 704)
!277 = !DIDerivedType(tag: DW_TAG_typedef, name: "KAPC", file: !4, line: 689, baseType: !278)
!278 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_KAPC", file: !4, line: 674, size: 704, elements: !279)
!279 = !{!280, !281, !282, !283, !284, !285, !288, !289, !293, !294, !295, !296, !297, !298}
!280 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !278, file: !4, line: 675, baseType: !127, size: 8)
!281 = !DIDerivedType(tag: DW_TAG_member, name: "SpareByte0", scope: !278, file: !4, line: 676, baseType: !127, size: 8, offset: 8)
!282 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !278, file: !4, line: 677, baseType: !127, size: 8, offset: 16)
!283 = !DIDerivedType(tag: DW_TAG_member, name: "SpareByte1", scope: !278, file: !4, line: 678, baseType: !127, size: 8, offset: 24)
!284 = !DIDerivedType(tag: DW_TAG_member, name: "SpareLong0", scope: !278, file: !4, line: 679, baseType: !36, size: 32, offset: 32)
!285 = !DIDerivedType(tag: DW_TAG_member, name: "Thread", scope: !278, file: !4, line: 680, baseType: !286, size: 64, offset: 64)
!286 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !287, size: 64)
!287 = !DICompositeType(tag: DW_TAG_structure_type, name: "_KTHREAD", file: !4, line: 680, flags: DIFlagFwdDecl)
!288 = !DIDerivedType(tag: DW_TAG_member, name: "ApcListEntry", scope: !278, file: !4, line: 681, baseType: !103, size: 128, offset: 128)
!289 = !DIDerivedType(tag: DW_TAG_member, name: "Reserved", scope: !278, file: !4, line: 682, baseType: !290, size: 192, offset: 256)
!290 = !DICompositeType(tag: DW_TAG_array_type, baseType: !39, size: 192, elements: !291)
!291 = !{!292}
!292 = !DISubrange(count: 3)
!293 = !DIDerivedType(tag: DW_TAG_member, name: "NormalContext", scope: !278, file: !4, line: 683, baseType: !39, size: 64, offset: 448)
!294 = !DIDerivedType(tag: DW_TAG_member, name: "SystemArgument1", scope: !278, file: !4, line: 684, baseType: !39, size: 64, offset: 512)
!295 = !DIDerivedType(tag: DW_TAG_member, name: "SystemArgument2", scope: !278, file: !4, line: 685, baseType: !39, size: 64, offset: 576)
!296 = !DIDerivedType(tag: DW_TAG_member, name: "ApcStateIndex", scope: !278, file: !4, line: 686, baseType: !123, size: 8, offset: 640)
!297 = !DIDerivedType(tag: DW_TAG_member, name: "ApcMode", scope: !278, file: !4, line: 687, baseType: !122, size: 8, offset: 648)
!298 = !DIDerivedType(tag: DW_TAG_member, name: "Inserted", scope: !278, file: !4, line: 688, baseType: !126, size: 8, offset: 656)
!299 = !DIDerivedType(tag: DW_TAG_member, name: "CompletionKey", scope: !186, file: !4, line: 852, baseType: !39, size: 64)
!300 = !DIDerivedType(tag: DW_TAG_member, name: "Tail", scope: !86, file: !4, line: 853, baseType: !186, size: 704, offset: 960)
!301 = !DIDerivedType(tag: DW_TAG_member, name: "DriverUnload", scope: !30, file: !4, line: 743, baseType: !302, size: 64, offset: 832)
!302 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_UNLOAD", file: !4, line: 333, baseType: !303)
!303 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !304, size: 64)
!304 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_UNLOAD", file: !4, line: 332, baseType: !305)
!305 = !DISubroutineType(types: !306)
!306 = !{null, !29}
!307 = !DIDerivedType(tag: DW_TAG_member, name: "MajorFunction", scope: !30, file: !4, line: 744, baseType: !308, size: 1792, offset: 896)
!308 = !DICompositeType(tag: DW_TAG_array_type, baseType: !309, size: 1792, elements: !314)
!309 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_DISPATCH", file: !4, line: 328, baseType: !310)
!310 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !311, size: 64)
!311 = !DIDerivedType(tag: DW_TAG_typedef, name: "DRIVER_DISPATCH", file: !4, line: 326, baseType: !312)
!312 = !DISubroutineType(types: !313)
!313 = !{!3, !18, !85}
!314 = !{!315}
!315 = !DISubrange(count: 28)
!316 = !DIDerivedType(tag: DW_TAG_member, name: "NextDevice", scope: !19, file: !4, line: 696, baseType: !18, size: 64, offset: 128)
!317 = !DIDerivedType(tag: DW_TAG_member, name: "AttachedDevice", scope: !19, file: !4, line: 697, baseType: !18, size: 64, offset: 192)
!318 = !DIDerivedType(tag: DW_TAG_member, name: "CurrentIrp", scope: !19, file: !4, line: 698, baseType: !85, size: 64, offset: 256)
!319 = !DIDerivedType(tag: DW_TAG_member, name: "Timer", scope: !19, file: !4, line: 699, baseType: !320, size: 64, offset: 320)
!320 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIO_TIMER", file: !4, line: 671, baseType: !321)
!321 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !322, size: 64)
!322 = !DICompositeType(tag: DW_TAG_structure_type, name: "_IO_TIMER", file: !4, line: 671, flags: DIFlagFwdDecl)
!323 = !DIDerivedType(tag: DW_TAG_member, name: "Flags", scope: !19, file: !4, line: 700, baseType: !36, size: 32, offset: 384)
!324 = !DIDerivedType(tag: DW_TAG_member, name: "Characteristics", scope: !19, file: !4, line: 701, baseType: !36, size: 32, offset: 416)
!325 = !DIDerivedType(tag: DW_TAG_member, name: "Vpb", scope: !19, file: !4, line: 702, baseType: !326, size: 64, offset: 448)
!326 = !DIDerivedType(tag: DW_TAG_volatile_type, baseType: !327)
!327 = !DIDerivedType(tag: DW_TAG_typedef, name: "PVPB", file: !4, line: 315, baseType: !328)
!328 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !329, size: 64)
!329 = !DICompositeType(tag: DW_TAG_structure_type, name: "_VPB", file: !4, line: 301, flags: DIFlagFwdDecl)
!330 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceExtension", scope: !19, file: !4, line: 703, baseType: !39, size: 64, offset: 512)
!331 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceType", scope: !19, file: !4, line: 704, baseType: !332, size: 32, offset: 576)
!332 = !DIDerivedType(tag: DW_TAG_typedef, name: "DEVICE_TYPE", file: !4, line: 100, baseType: !36)
!333 = !DIDerivedType(tag: DW_TAG_member, name: "StackSize", scope: !19, file: !4, line: 705, baseType: !123, size: 8, offset: 608)
!334 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !19, file: !4, line: 706, size: 576, elements: !335)
!335 = !{!336, !337}
!336 = !DIDerivedType(tag: DW_TAG_member, name: "ListEntry", scope: !334, file: !4, line: 707, baseType: !103, size: 128)
!337 = !DIDerivedType(tag: DW_TAG_member, name: "Wcb", scope: !334, file: !4, line: 708, baseType: !338, size: 576)
!338 = !DIDerivedType(tag: DW_TAG_typedef, name: "WAIT_CONTEXT_BLOCK", file: !4, line: 669, baseType: !339)
!339 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_WAIT_CONTEXT_BLOCK", file: !4, line: 661, size: 576, elements: !340)
!340 = !{!341, !342, !343, !344, !345, !346, !347}
!341 = !DIDerivedType(tag: DW_TAG_member, name: "WaitQueueEntry", scope: !339, file: !4, line: 662, baseType: !194, size: 192)
!342 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceRoutine", scope: !339, file: !4, line: 663, baseType: !39, size: 64, offset: 192)
!343 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceContext", scope: !339, file: !4, line: 664, baseType: !39, size: 64, offset: 256)
!344 = !DIDerivedType(tag: DW_TAG_member, name: "NumberOfMapRegisters", scope: !339, file: !4, line: 665, baseType: !36, size: 32, offset: 320)
!345 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceObject", scope: !339, file: !4, line: 666, baseType: !39, size: 64, offset: 384)
!346 = !DIDerivedType(tag: DW_TAG_member, name: "CurrentIrp", scope: !339, file: !4, line: 667, baseType: !39, size: 64, offset: 448)
!347 = !DIDerivedType(tag: DW_TAG_member, name: "BufferChainingDpc", scope: !339, file: !4, line: 668, baseType: !39, size: 64, offset: 512)
!348 = !DIDerivedType(tag: DW_TAG_member, name: "Queue", scope: !19, file: !4, line: 709, baseType: !334, size: 576, offset: 640)
!349 = !DIDerivedType(tag: DW_TAG_member, name: "AlignmentRequirement", scope: !19, file: !4, line: 710, baseType: !36, size: 32, offset: 1216)
!350 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceQueue", scope: !19, file: !4, line: 711, baseType: !351, size: 320, offset: 1280)
!351 = !DIDerivedType(tag: DW_TAG_typedef, name: "KDEVICE_QUEUE", file: !4, line: 658, baseType: !352)
!352 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_KDEVICE_QUEUE", file: !4, line: 652, size: 320, elements: !353)
!353 = !{!354, !355, !356, !357, !359}
!354 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !352, file: !4, line: 653, baseType: !22, size: 16)
!355 = !DIDerivedType(tag: DW_TAG_member, name: "Size", scope: !352, file: !4, line: 654, baseType: !22, size: 16, offset: 16)
!356 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceListHead", scope: !352, file: !4, line: 655, baseType: !103, size: 128, offset: 64)
!357 = !DIDerivedType(tag: DW_TAG_member, name: "Lock", scope: !352, file: !4, line: 656, baseType: !358, size: 64, offset: 192)
!358 = !DIDerivedType(tag: DW_TAG_typedef, name: "KSPIN_LOCK", file: !4, line: 103, baseType: !119)
!359 = !DIDerivedType(tag: DW_TAG_member, name: "Busy", scope: !352, file: !4, line: 657, baseType: !126, size: 8, offset: 256)
!360 = !DIDerivedType(tag: DW_TAG_member, name: "Dpc", scope: !19, file: !4, line: 712, baseType: !361, size: 512, offset: 1600)
!361 = !DIDerivedType(tag: DW_TAG_typedef, name: "KDPC", file: !4, line: 307, baseType: !362)
!362 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_KDPC", file: !4, line: 395, size: 512, elements: !363)
!363 = !{!364, !375, !381, !383, !390, !391, !392, !393}
!364 = !DIDerivedType(tag: DW_TAG_member, scope: !362, file: !4, line: 396, baseType: !365, size: 32)
!365 = distinct !DICompositeType(tag: DW_TAG_union_type, scope: !362, file: !4, line: 396, size: 32, elements: !366)
!366 = !{!367, !368}
!367 = !DIDerivedType(tag: DW_TAG_member, name: "TargetInfoAsUlong", scope: !365, file: !4, line: 397, baseType: !36, size: 32)
!368 = !DIDerivedType(tag: DW_TAG_member, scope: !365, file: !4, line: 398, baseType: !369, size: 32)
!369 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !365, file: !4, line: 398, size: 32, elements: !370)
!370 = !{!371, !372, !373}
!371 = !DIDerivedType(tag: DW_TAG_member, name: "Type", scope: !369, file: !4, line: 399, baseType: !127, size: 8)
!372 = !DIDerivedType(tag: DW_TAG_member, name: "Importance", scope: !369, file: !4, line: 400, baseType: !127, size: 8, offset: 8)
!373 = !DIDerivedType(tag: DW_TAG_member, name: "Number", scope: !369, file: !4, line: 401, baseType: !374, size: 16, offset: 16)
!374 = !DIDerivedType(tag: DW_TAG_volatile_type, baseType: !25)
!375 = !DIDerivedType(tag: DW_TAG_member, name: "DpcListEntry", scope: !362, file: !4, line: 404, baseType: !376, size: 64, offset: 64)
!376 = !DIDerivedType(tag: DW_TAG_typedef, name: "SINGLE_LIST_ENTRY", file: !4, line: 144, baseType: !377)
!377 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_SINGLE_LIST_ENTRY", file: !4, line: 142, size: 64, elements: !378)
!378 = !{!379}
!379 = !DIDerivedType(tag: DW_TAG_member, name: "Next", scope: !377, file: !4, line: 143, baseType: !380, size: 64)
!380 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !377, size: 64)
!381 = !DIDerivedType(tag: DW_TAG_member, name: "ProcessorHistory", scope: !362, file: !4, line: 405, baseType: !382, size: 64, offset: 128)
!382 = !DIDerivedType(tag: DW_TAG_typedef, name: "KAFFINITY", file: !4, line: 94, baseType: !119)
!383 = !DIDerivedType(tag: DW_TAG_member, name: "DeferredRoutine", scope: !362, file: !4, line: 406, baseType: !384, size: 64, offset: 192)
!384 = !DIDerivedType(tag: DW_TAG_typedef, name: "PKDEFERRED_ROUTINE", file: !4, line: 353, baseType: !385)
!385 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !386, size: 64)
!386 = !DIDerivedType(tag: DW_TAG_typedef, name: "KDEFERRED_ROUTINE", file: !4, line: 351, baseType: !387)
!387 = !DISubroutineType(types: !388)
!388 = !{null, !389, !39, !39, !39}
!389 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !362, size: 64)
!390 = !DIDerivedType(tag: DW_TAG_member, name: "DeferredContext", scope: !362, file: !4, line: 407, baseType: !39, size: 64, offset: 256)
!391 = !DIDerivedType(tag: DW_TAG_member, name: "SystemArgument1", scope: !362, file: !4, line: 408, baseType: !39, size: 64, offset: 320)
!392 = !DIDerivedType(tag: DW_TAG_member, name: "SystemArgument2", scope: !362, file: !4, line: 409, baseType: !39, size: 64, offset: 384)
!393 = !DIDerivedType(tag: DW_TAG_member, name: "DpcData", scope: !362, file: !4, line: 410, baseType: !394, size: 64, offset: 448)
!394 = !DIDerivedType(tag: DW_TAG_volatile_type, baseType: !39)
!395 = !DIDerivedType(tag: DW_TAG_member, name: "ActiveThreadCount", scope: !19, file: !4, line: 713, baseType: !36, size: 32, offset: 2112)
!396 = !DIDerivedType(tag: DW_TAG_member, name: "SecurityDescriptor", scope: !19, file: !4, line: 714, baseType: !397, size: 64, offset: 2176)
!397 = !DIDerivedType(tag: DW_TAG_typedef, name: "PSECURITY_DESCRIPTOR", file: !4, line: 316, baseType: !39)
!398 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceLock", scope: !19, file: !4, line: 715, baseType: !399, size: 192, offset: 2240)
!399 = !DIDerivedType(tag: DW_TAG_typedef, name: "KEVENT", file: !4, line: 387, baseType: !143)
!400 = !DIDerivedType(tag: DW_TAG_member, name: "SectorSize", scope: !19, file: !4, line: 716, baseType: !25, size: 16, offset: 2432)
!401 = !DIDerivedType(tag: DW_TAG_member, name: "Spare1", scope: !19, file: !4, line: 717, baseType: !25, size: 16, offset: 2448)
!402 = !DIDerivedType(tag: DW_TAG_member, name: "DeviceObjectExtension", scope: !19, file: !4, line: 718, baseType: !403, size: 64, offset: 2496)
!403 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !404, size: 64)
!404 = !DICompositeType(tag: DW_TAG_structure_type, name: "_DEVOBJ_EXTENSION", file: !4, line: 302, flags: DIFlagFwdDecl)
!405 = !DIDerivedType(tag: DW_TAG_member, name: "Reserved", scope: !19, file: !4, line: 719, baseType: !39, size: 64, offset: 2560)
!406 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIRP", file: !4, line: 306, baseType: !85)
!407 = !{}
!408 = !DILocalVariable(name: "Irp", arg: 2, scope: !13, file: !14, line: 46, type: !406)
!409 = !DILocation(line: 46, scope: !13)
!410 = !DILocalVariable(name: "DeviceObject", arg: 1, scope: !13, file: !14, line: 46, type: !17)
!411 = !DILocalVariable(name: "DevExt", scope: !13, file: !14, line: 48, type: !412)
!412 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDEVICE_EXTENSION", file: !14, line: 15, baseType: !413)
!413 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !414, size: 64)
!414 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "_DEVICE_EXTENSION", file: !14, line: 10, size: 192, elements: !415)
!415 = !{!416, !417, !418, !419}
!416 = !DIDerivedType(tag: DW_TAG_member, name: "Lock", scope: !414, file: !14, line: 11, baseType: !358, size: 64)
!417 = !DIDerivedType(tag: DW_TAG_member, name: "LockIrql", scope: !414, file: !14, line: 12, baseType: !134, size: 8, offset: 64)
!418 = !DIDerivedType(tag: DW_TAG_member, name: "Capacity", scope: !414, file: !14, line: 13, baseType: !36, size: 32, offset: 96)
!419 = !DIDerivedType(tag: DW_TAG_member, name: "InFlight", scope: !414, file: !14, line: 14, baseType: !36, size: 32, offset: 128)
!420 = !DILocation(line: 48, scope: !13)
!421 = !DILocalVariable(name: "Stack", scope: !13, file: !14, line: 49, type: !422)
!422 = !DIDerivedType(tag: DW_TAG_typedef, name: "PIO_STACK_LOCATION", file: !4, line: 796, baseType: !215)
!423 = !DILocation(line: 49, scope: !13)
!424 = !DILocalVariable(name: "Irp", arg: 1, scope: !425, file: !4, line: 885, type: !406)
!425 = distinct !DISubprogram(name: "IoGetCurrentIrpStackLocation", scope: !4, file: !4, line: 885, type: !426, scopeLine: 886, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!426 = !DISubroutineType(types: !427)
!427 = !{!422, !406}
!428 = !DILocation(line: 885, scope: !425, inlinedAt: !429)
!429 = distinct !DILocation(line: 49, scope: !13)
!430 = !DILocation(line: 887, scope: !425, inlinedAt: !429)
!431 = !DILocalVariable(name: "Status", scope: !13, file: !14, line: 50, type: !3)
!432 = !DILocation(line: 50, scope: !13)
!433 = !DILocation(line: 52, scope: !13)
!434 = !DILocation(line: 53, scope: !13)
!435 = !DILocation(line: 54, scope: !436)
!436 = distinct !DILexicalBlock(scope: !437, file: !14, line: 53)
!437 = distinct !DILexicalBlock(scope: !13, file: !14, line: 53)
!438 = !DILocation(line: 55, scope: !436)
!439 = !DILocation(line: 56, scope: !436)
!440 = !DILocation(line: 57, scope: !436)
!441 = !DILocation(line: 59, scope: !13)
!442 = !DILocation(line: 61, scope: !13)
!443 = !DILocalVariable(name: "Irp", arg: 1, scope: !444, file: !4, line: 909, type: !406)
!444 = distinct !DISubprogram(name: "IoMarkIrpPending", scope: !4, file: !4, line: 909, type: !445, scopeLine: 910, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!445 = !DISubroutineType(types: !446)
!446 = !{null, !406}
!447 = !DILocation(line: 909, scope: !444, inlinedAt: !448)
!448 = distinct !DILocation(line: 61, scope: !13)
!449 = !DILocation(line: 911, scope: !444, inlinedAt: !448)
!450 = !DILocation(line: 885, scope: !425, inlinedAt: !451)
!451 = distinct !DILocation(line: 911, scope: !444, inlinedAt: !448)
!452 = !DILocation(line: 887, scope: !425, inlinedAt: !451)
!453 = !DILocation(line: 62, scope: !13)
!454 = !DILocation(line: 63, scope: !13)
!455 = distinct !DISubprogram(name: "BeginTransfer", scope: !14, file: !14, line: 31, type: !456, scopeLine: 32, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!456 = !DISubroutineType(types: !457)
!457 = !{!3, !412, !36}
!458 = !DILocalVariable(name: "Length", arg: 2, scope: !455, file: !14, line: 31, type: !36)
!459 = !DILocation(line: 31, scope: !455)
!460 = !DILocalVariable(name: "DevExt", arg: 1, scope: !455, file: !14, line: 31, type: !412)
!461 = !DILocation(line: 33, scope: !455)
!462 = !DILocation(line: 34, scope: !455)
!463 = !DILocation(line: 35, scope: !464)
!464 = distinct !DILexicalBlock(scope: !465, file: !14, line: 34)
!465 = distinct !DILexicalBlock(scope: !455, file: !14, line: 34)
!466 = !DILocation(line: 37, scope: !455)
!467 = !DILocation(line: 38, scope: !455)
!468 = !DILocation(line: 39, scope: !455)
!469 = distinct !DISubprogram(name: "EndTransfer", scope: !14, file: !14, line: 41, type: !470, scopeLine: 42, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!470 = !DISubroutineType(types: !471)
!471 = !{null, !412}
!472 = !DILocalVariable(name: "DevExt", arg: 1, scope: !469, file: !14, line: 41, type: !412)
!473 = !DILocation(line: 41, scope: !469)
!474 = !DILocation(line: 43, scope: !469)
!475 = !DILocation(line: 44, scope: !469)
!476 = distinct !DISubprogram(name: "DriverEntry", scope: !14, file: !14, line: 65, type: !477, scopeLine: 66, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !407)
!477 = !DISubroutineType(types: !478)
!478 = !{!3, !479, !67}
!479 = !DIDerivedType(tag: DW_TAG_typedef, name: "PDRIVER_OBJECT", file: !4, line: 304, baseType: !29)
!480 = !DILocalVariable(name: "RegistryPath", arg: 2, scope: !476, file: !14, line: 65, type: !67)
!481 = !DILocation(line: 65, scope: !476)
!482 = !DILocalVariable(name: "DriverObject", arg: 1, scope: !476, file: !14, line: 65, type: !479)
!483 = !DILocation(line: 67, scope: !476)
!484 = !DILocation(line: 68, scope: !476)
!485 = !DILocation(line: 69, scope: !476)
!486 = distinct !DISubprogram(name: "LockDevice", scope: !14, file: !14, line: 20, type: !470, scopeLine: 21, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!487 = !DILocalVariable(name: "DevExt", arg: 1, scope: !486, file: !14, line: 20, type: !412)
!488 = !DILocation(line: 20, scope: !486)
!489 = !DILocation(line: 22, scope: !486)
!490 = !DILocation(line: 23, scope: !486)
!491 = distinct !DISubprogram(name: "UnlockDevice", scope: !14, file: !14, line: 25, type: !470, scopeLine: 26, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !407)
!492 = !DILocalVariable(name: "DevExt", arg: 1, scope: !491, file: !14, line: 25, type: !412)
!493 = !DILocation(line: 25, scope: !491)
!494 = !DILocation(line: 27, scope: !491)
!495 = !DILocation(line: 28, scope: !491)
