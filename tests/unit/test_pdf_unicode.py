"""The ToUnicode rewrite that keeps the PDFs' Chinese text copyable (qa/pdf_unicode.py)."""

from __future__ import annotations

from qa.publish.pdf_unicode import fix_pdf, radical_ideographs, read_cmap, write_cmap

CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<B7> <2F64>
<BD> <5168>
endbfchar
1 beginbfrange
<01> <03> <0041>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def test_read_cmap_reads_single_codes_and_ranges():
    assert read_cmap(CMAP) == {b"B7": "\u2f64", b"BD": "全", b"01": "A", b"02": "B", b"03": "C"}


def test_write_cmap_keeps_the_frame_and_writes_every_entry_as_bfchar():
    entries = read_cmap(CMAP) | {b"B7": "用"}
    written = write_cmap(CMAP, entries)
    assert read_cmap(written) == entries
    assert written.startswith(CMAP[: CMAP.index(b"2 beginbfchar")])
    assert b"5 beginbfchar\n<01> <0041>\n" in written
    assert b"beginbfrange" not in written
    assert written.endswith(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def test_the_installed_noto_cjk_font_maps_radicals_to_their_ideographs():
    mapping = radical_ideographs("NotoSansCJKsc-Regular")
    assert mapping[0x2F64] == ord("用")  # KANGXI RADICAL USE
    assert mapping[0x2EC5] == ord("见")  # CJK RADICAL C-SIMPLIFIED SEE


def test_fix_pdf_rewrites_the_map_in_its_own_stream_object_that_qpdf_reads(tmp_path):
    """A stream written inline in the font (as pypdf writes a new StreamObject put in a
    dictionary) is not valid PDF: qpdf — and so the joined book — dropped the whole font."""
    import pikepdf

    path = tmp_path / "one.pdf"
    with pikepdf.new() as pdf:
        page = pdf.add_blank_page(page_size=(100, 100))
        descriptor = pdf.make_indirect(pikepdf.Dictionary(FontName=pikepdf.Name("/AAAAAA+NotoSansCJKsc-Regular")))
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            ToUnicode=pdf.make_stream(CMAP),
            FontDescriptor=descriptor,
        )
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
        pdf.save(path)

    assert fix_pdf(path) == 1
    with pikepdf.open(path) as pdf:
        fixed = pdf.pages[0].Resources.Font.F1
        assert fixed.ToUnicode.is_indirect
        assert read_cmap(fixed.ToUnicode.read_bytes())[b"B7"] == "用"
