#!/usr/bin/env python3
"""A course repository the size of the real one, made from the fixture repository
(tests/fixtures/course-repo): 60 markdown files (17 Q&A sessions in two formats, 15 decks,
17 labs, 8 appendices, two READMEs and a todo), 240 images of noise (about 100 MB, which no
PNG compressor shrinks) referenced from the decks and the sessions, and lab files up to
about 400 files in all.

    tools/make-scaled-repo.py OUT_DIR
"""
import os, random, shutil, sys, zlib, struct

out = sys.argv[1]
src = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "course-repo")
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(src, out)
random.seed(7)

def png(path, w, h):
    raw = b"".join(b"\x00" + os.urandom(w * 3) for _ in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

def read(rel):
    return open(os.path.join(src, rel), encoding="utf-8").read()

images = []
for i in range(236):
    name = f"doc/img/slide-{i:03}.png"
    png(os.path.join(out, name), 400, 350)
    images.append(name)
for i in range(4):
    png(os.path.join(out, f"qna/img/answer-{i}.png"), 400, 350)

book = read("doc/[Book] 01_Docker_Overview.md")
for n in range(1, 16):
    slides = []
    for s in range(14):
        img = images[(n * 14 + s) % len(images)].removeprefix("doc/")
        slides.append(f"## {n}.{s + 1} 슬라이드 {s + 1}\n\n- 컨테이너와 이미지의 관계 {n}-{s}\n- 레이어<br>\n\n![h:270](./{img})\n")
    text = book.replace("# 01. Docker 개요", f"# {n:02}. 교재 {n}장") + "\n---\n\n" + "\n---\n\n".join(slides)
    open(os.path.join(out, f"doc/[Book] {n:02}_Chapter.md"), "w", encoding="utf-8").write(text)
lab = read("doc/[Hands-on] 01_Run_Container.md")
for n in range(1, 18):
    open(os.path.join(out, f"doc/[Hands-on] {n:02}_Lab.md"), "w", encoding="utf-8").write(
        lab.replace("01. 컨테이너 실행하기", f"{n:02}. 실습 {n}") * 2)
appendix = read("doc/[Appendix] SSH.md")
for n in range(1, 9):
    open(os.path.join(out, f"doc/[Appendix] {n:02}_Topic.md"), "w", encoding="utf-8").write(
        appendix.replace("SSH 접속", f"부록 {n}"))
session = read("qna/mspt3_23-3차.md")
for n, code in enumerate(["23-4", "23-5", "23-6", "23-7", "23-8", "23-9", "24-2"]):
    body = session.replace("23-3차", f"{code}차") + "".join(
        f"\n- {code} 추가 질문 {k}은 무엇인가요?\n  - 답 {k}: 이미지 레이어와 컨테이너 레이어.\n\n    ![](img/answer-{k % 4}.png)\n" for k in range(20))
    open(os.path.join(out, f"qna/mspt3_{code}차.md"), "w", encoding="utf-8").write(body)
t2 = read("qna/mspt2/mspt2_6차.md")
for n in (7, 8, 9, 11, 12):
    open(os.path.join(out, f"qna/mspt2/mspt2_{n}차.md"), "w", encoding="utf-8").write(t2.replace("6차", f"{n}차"))
count = sum(len(f) for _, _, f in os.walk(out))
for i in range(max(0, 400 - count)):
    d = os.path.join(out, "hands_on_files", f"ch{5 + i % 11:02}")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"file-{i}.yaml"), "w").write(f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n")
md = sum(1 for _, _, f in os.walk(out) for x in f if x.endswith(".md"))
total = sum(len(f) for _, _, f in os.walk(out))
size = sum(os.path.getsize(os.path.join(r, x)) for r, _, f in os.walk(out) for x in f)
print(f"{out}: {total} files, {md} markdown, {size / 1e6:.0f} MB")
