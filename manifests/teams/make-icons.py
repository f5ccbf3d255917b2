"""Draws the Teams app icons (color 192x192, outline 32x32 white on transparent) with the standard library only."""
import struct
import zlib


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(rows, 9)))
        f.write(chunk(b"IEND", b""))


def in_bubble(x, y, s):
    """A speech bubble: rounded rectangle plus a tail, in a unit square scaled by s."""
    left, top, right, bottom, r = 0.19 * s, 0.23 * s, 0.81 * s, 0.65 * s, 0.09 * s
    cx = min(max(x, left + r), right - r)
    cy = min(max(y, top + r), bottom - r)
    body = left <= x <= right and top <= y <= bottom and (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    tail = bottom <= y <= 0.80 * s and 0.33 * s <= x <= 0.33 * s + (0.80 * s - y) * 1.0
    return body or tail


BRAND = (79, 82, 178, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def color(x, y):
    if not in_bubble(x, y, 192):
        return BRAND
    for dot in (0.36, 0.50, 0.64):  # three "typing" dots
        if (x - dot * 192) ** 2 + (y - 0.44 * 192) ** 2 <= 9 ** 2:
            return BRAND
    return WHITE


def outline(x, y):
    inside = in_bubble(x + 0.5, y + 0.5, 32)
    edge = any(not in_bubble(x + 0.5 + dx, y + 0.5 + dy, 32) for dx, dy in ((2, 0), (-2, 0), (0, 2), (0, -2)))
    return WHITE if inside and edge else CLEAR


png("color.png", 192, color)
png("outline.png", 32, outline)
