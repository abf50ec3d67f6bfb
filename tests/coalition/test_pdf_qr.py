"""QR codes drawn for the PDFs (coalition/pdf.py): the booklet has one per activity."""

import re

import qrcode

from coalition.pdf import qr_svg

URL = "https://oogvoorelkaar.example.org/sociale-kaart/activiteit/12345/"


def modules_drawn(svg: str) -> list[list[bool]]:
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])
    grid = [[False] * size for _ in range(size)]
    for x, y, w, h in re.findall(r"M(\d+) (\d+)h(\d+)v(\d+)h-\3z", svg):
        for row in range(int(y), int(y) + int(h)):
            for column in range(int(x), int(x) + int(w)):
                assert not grid[row][column], "a module drawn twice"
                grid[row][column] = True
    return grid


def test_qr_code_draws_exactly_the_dark_modules_of_the_address():
    code = qrcode.QRCode(border=2, mask_pattern=0)
    code.add_data(URL)
    code.make(fit=True)

    svg = qr_svg(URL)

    assert modules_drawn(svg) == code.get_matrix()
    assert svg.startswith('<svg width="24.6mm" height="24.6mm"')  # 41 modules of 0.6 mm


def test_qr_code_is_a_few_hundred_rectangles_not_a_square_per_module():
    svg = qr_svg(URL)

    dark = sum(map(sum, modules_drawn(svg)))
    assert svg.count("M") < dark / 2
    assert svg.count("<path") == 1
