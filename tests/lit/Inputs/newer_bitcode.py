#!/usr/bin/env python3
"""Writes a minimal bitcode file as a given LLVM would: the magic number, an
IDENTIFICATION block (producer string and bitcode epoch) and a MODULE block
holding only its version record. With the defaults (LLVM 16's producer,
epoch 0, module version 2) LLVM 16 reads it as an empty module; a newer
epoch, or a module version it does not know, makes LLVM 16 reject it, as it
rejects what a newer LLVM writes.

  newer_bitcode.py [--producer LLVM17.0.6] [--epoch N] [--module-version N] OUT
"""
import argparse

IDENTIFICATION_BLOCK = 13
IDENTIFICATION_CODE_STRING = 1
IDENTIFICATION_CODE_EPOCH = 2
MODULE_BLOCK = 8
MODULE_CODE_VERSION = 1
# Abbreviation ids every bitstream has.
END_BLOCK, ENTER_SUBBLOCK, UNABBREV_RECORD = 0, 1, 3


class BitWriter:
    """Bits are written least significant first, as LLVM's bitstream does."""

    def __init__(self):
        self.bits = []

    def fixed(self, value, width):
        self.bits.extend((value >> i) & 1 for i in range(width))

    def vbr(self, value, width):
        high = 1 << (width - 1)
        while value >= high:
            self.fixed((value & (high - 1)) | high, width)
            value >>= width - 1
        self.fixed(value, width)

    def align32(self):
        self.bits.extend([0] * (-len(self.bits) % 32))

    def block(self, abbrev_width, block_id, inner_width, body):
        self.fixed(ENTER_SUBBLOCK, abbrev_width)
        self.vbr(block_id, 8)
        self.vbr(inner_width, 4)
        self.align32()
        length_at = len(self.bits)
        self.fixed(0, 32)  # Length in 32-bit words, filled in below.
        start = len(self.bits)
        body(inner_width)
        self.fixed(END_BLOCK, inner_width)
        self.align32()
        words = (len(self.bits) - start) // 32
        self.bits[length_at:length_at + 32] = [(words >> i) & 1 for i in range(32)]

    def record(self, abbrev_width, code, operands):
        self.fixed(UNABBREV_RECORD, abbrev_width)
        self.vbr(code, 6)
        self.vbr(len(operands), 6)
        for op in operands:
            self.vbr(op, 6)

    def bytes(self):
        self.align32()
        return bytes(sum(bit << i for i, bit in enumerate(self.bits[n:n + 8]))
                     for n in range(0, len(self.bits), 8))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--producer", default="LLVM16.0.6")
    ap.add_argument("--epoch", type=int, default=0)
    ap.add_argument("--module-version", type=int, default=2)
    ap.add_argument("out")
    args = ap.parse_args()

    w = BitWriter()
    for byte in b"BC\xc0\xde":
        w.fixed(byte, 8)
    w.block(2, IDENTIFICATION_BLOCK, 5, lambda width: (
        w.record(width, IDENTIFICATION_CODE_STRING, list(args.producer.encode())),
        w.record(width, IDENTIFICATION_CODE_EPOCH, [args.epoch])))
    w.block(2, MODULE_BLOCK, 3, lambda width: w.record(
        width, MODULE_CODE_VERSION, [args.module_version]))
    with open(args.out, "wb") as f:
        f.write(w.bytes())


if __name__ == "__main__":
    main()
