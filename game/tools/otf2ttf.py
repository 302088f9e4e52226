#!/usr/bin/python3
"""otf2ttf.py IN OUT - an OpenType font with CFF (cubic) outlines as a TrueType (quadratic) font.

The comic's lettering, Comic Neue, is packaged in Debian only as CFF. The web build's FreeType
carries only the TrueType driver (game/deps/wasm-libs.sh: the CFF driver with psaux, pshinter
and psnames was ~50 kB of every player's first load, for a font fetched only when a comic opens),
so the Makefile converts the subset font here. fontTools' cu2qu approximates each cubic curve by
quadratics no further than MAX_ERR font units (1/1000 em) from it: a fraction of a pixel at every
size the comic draws. No hinting instructions are written (as for the subset Lato: --no-hinting).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units


def convert(src, dst):
    font = TTFont(src)
    if 'CFF ' not in font:
        sys.exit(f'{src}: no CFF outlines to convert (already TrueType?)')
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # TrueType contours run clockwise, CFF counter-clockwise: reversed, or the fill inverts
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    del font['CFF ']
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font['head'].indexToLocFormat = 0
    font['head'].glyphDataFormat = 0
    font['post'].formatType = 3.0  # no glyph names: nothing reads them
    font.sfntVersion = '\x00\x01\x00\x00'
    font.save(dst)  # recalculates maxp's point and contour counts, loca and the bounding boxes


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: otf2ttf.py IN OUT')
    convert(sys.argv[1], sys.argv[2])
