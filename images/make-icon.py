#!/usr/bin/env python3
"""Draws images/icon.png (128x128): a plan's outline, a goal with objectives and sub-objectives
indented under it, on a navy tile. Standard library only; run `python3 images/make-icon.py`."""
import os
import struct
import zlib

SIZE, SS = 128, 4  # 4x4 supersampling for smooth edges
NAVY, WHITE, GOLD, SKY = (31, 58, 95), (255, 255, 255), (242, 177, 52), (142, 197, 255)


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def bar(x0, x1, cy, h):
    return rounded_rect(x0, cy - h / 2, x1, cy + h / 2, h / 2)


# Painted in order, later shapes on top.
SHAPES = [
    (rounded_rect(4, 4, 124, 124, 24), NAVY),
    # the connector of the outline: a spine from the goal down to its sub-objectives
    (rounded_rect(28.5, 40, 31.5, 61.5, 1.5), SKY),
    (rounded_rect(28.5, 58.5, 40, 61.5, 1.5), SKY),
    (rounded_rect(42.5, 64, 45.5, 102, 1.5), SKY),
    (rounded_rect(42.5, 80.5, 54, 83.5, 1.5), SKY),
    (rounded_rect(42.5, 99.5, 54, 102.5, 1.5), SKY),
    # goal
    (circle(30, 34, 9), GOLD),
    (bar(46, 106, 34, 13), WHITE),
    # objective
    (circle(44, 60, 6.5), SKY),
    (bar(58, 106, 60, 10), WHITE),
    # sub-objectives
    (circle(60, 82, 5), WHITE),
    (bar(72, 106, 82, 8), WHITE),
    (circle(60, 101, 5), WHITE),
    (bar(72, 96, 101, 8), WHITE),
]


def pixel(px, py):
    acc = [0.0, 0.0, 0.0, 0.0]  # premultiplied rgb + alpha
    for sy in range(SS):
        for sx in range(SS):
            x, y = px + (sx + 0.5) / SS, py + (sy + 0.5) / SS
            color = None
            for inside, c in SHAPES:
                if inside(x, y):
                    color = c
            if color:
                acc[0] += color[0]
                acc[1] += color[1]
                acc[2] += color[2]
                acc[3] += 1
    n = SS * SS
    a = acc[3] / n
    if a == 0:
        return (0, 0, 0, 0)
    return tuple(round(v / acc[3]) for v in acc[:3]) + (round(a * 255),)


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b''.join(b'\x00' + bytes(v for p in row for v in p) for row in rows)
    return (b'\x89PNG\r\n\x1a\n'
            + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9))
            + chunk(b'IEND', b''))


if __name__ == '__main__':
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'icon.png')
    with open(out, 'wb') as f:
        f.write(png(SIZE, SIZE, rows))
    print(out)
