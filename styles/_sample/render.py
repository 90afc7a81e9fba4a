"""Render the layout samples to /tmp (python styles/_sample/render.py zh var en [nojust]), then
measure them with `genreport verify-layout /tmp/zh.pdf`. The samples are plain HTML in the
docs/html-structure.md contract; a report's PDF comes from `genreport build -f pdf` instead."""

import os
import sys
import time

from weasyprint import CSS, HTML

from genreport.render import cjk_justify

S = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + "/"


def render(html_path, css, out, body_class_add=None, draft=False, justify=True):
    if justify:
        cjk_justify.install()
    html = open(html_path, encoding="utf-8").read()
    if body_class_add:
        html = html.replace('<body class="report', '<body class="report ' + body_class_add, 1)
    if draft:
        mark = "DRAFT" if css == "a4.css" else "征求意见稿"
        html = html.replace('<body class="report', '<body class="draft report', 1)
        html = html.replace('<aside class="disclosure">', f'<p class="draft-mark">{mark}</p>\n<aside class="disclosure">', 1)
    start = time.time()
    HTML(string=html, base_url=S + "_sample/").write_pdf(out, stylesheets=[CSS(filename=S + css)])
    print(out, f"{time.time() - start:.2f}s")


if __name__ == "__main__":
    which = sys.argv[1:] or ["zh"]
    if "nojust" in which:
        render(S + "_sample/sample.zh-CN.html", "gbt9704.css", "/tmp/zh-nojust.pdf", justify=False)
        sys.exit()
    if "zh" in which:
        render(S + "_sample/sample.zh-CN.html", "gbt9704.css", "/tmp/zh.pdf")
    if "var" in which:
        h = open(S + "_sample/sample.zh-CN.html", encoding="utf-8").read().replace('<div class="signature">', '<div class="signature sealed">')
        open("/tmp/sealed.html", "w", encoding="utf-8").write(h)
        render("/tmp/sealed.html", "gbt9704.css", "/tmp/zh-draft-sealed.pdf", body_class_add="bold-headings", draft=True)
    if "en" in which:
        render(S + "_sample/sample.en.html", "a4.css", "/tmp/en.pdf")
