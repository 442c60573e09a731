"""Writes a compile database (compile_commands.json) that builds C files to
bitcode with the DDK model headers: compile_db.py --clang C --ddk D --out
DB [--target T] FILE..."""
import argparse
import json
import os

p = argparse.ArgumentParser()
p.add_argument("--clang", required=True)
p.add_argument("--ddk", required=True)
p.add_argument("--out", required=True)
p.add_argument("--target", default="x86_64-w64-windows-gnu")
p.add_argument("files", nargs="+")
a = p.parse_args()
entries = []
for f in a.files:
    f = os.path.abspath(f)
    out = os.path.splitext(f)[0] + ".bc"
    entries.append({"directory": os.path.dirname(f), "file": f, "output": out,
                    "arguments": [a.clang, "--target=" + a.target, "-g", "-O0", "-c",
                                  "-emit-llvm", "-I" + a.ddk, f, "-o", out]})
json.dump(entries, open(a.out, "w"), indent=1)
