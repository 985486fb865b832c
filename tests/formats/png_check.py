#!/usr/bin/env python3
"""png_check.py -- is a screenshot a picture or a blank page?  (python3
standard library only: the PNG is decoded with zlib.)

    png_check.py FILE.png MIN_COLOURS

Prints the size, the number of distinct colours and the share of
non-white pixels; exits 0 when there are at least MIN_COLOURS distinct
colours and more than 2% of the pixels are not white.
"""
import struct
import sys
import zlib


def decode(path):
    """(width, height, rows) with rows a list of bytes objects in RGBA or
    RGB, plus the number of channels."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG file')
    pos = 8
    idat = []
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR':
            width, height, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError('unsupported PNG (depth %s, colour type %s, interlace %s)' % (depth, ctype, interlace))
    ch = 4 if ctype == 6 else 3
    raw = zlib.decompress(b''.join(idat))
    stride = width * ch
    rows = []
    prev = bytearray(stride)
    p = 0
    for _ in range(height):
        f = raw[p]
        line = bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        if f == 1:
            for i in range(ch, stride):
                line[i] = (line[i] + line[i - ch]) & 0xFF
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif f == 3:
            for i in range(stride):
                left = line[i - ch] if i >= ch else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                a = line[i - ch] if i >= ch else 0
                b = prev[i]
                c = prev[i - ch] if i >= ch else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 0xFF
        elif f != 0:
            raise ValueError('bad PNG filter %d' % f)
        rows.append(bytes(line))
        prev = line
    return width, height, rows, ch


def main():
    width, height, rows, ch = decode(sys.argv[1])
    need = int(sys.argv[2])
    colours = set()
    inked = 0
    for line in rows:
        for i in range(0, len(line), ch):
            px = line[i:i + 3]
            colours.add(px)
            if px != b'\xff\xff\xff':
                inked += 1
    share = inked / float(width * height)
    print('%dx%d, %d colours, %.1f%% not white' % (width, height, len(colours), share * 100))
    return 0 if len(colours) >= need and share > 0.02 else 1


if __name__ == '__main__':
    sys.exit(main())
