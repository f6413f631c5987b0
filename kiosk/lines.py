"""Text broken into lines the way a Chinese reader expects, and drawn bold at any size.

Qt breaks Chinese between any two characters, so a service's name at the end of a line
comes out as 城乡居/民养老 or 注销登/记等. Here a line ends, in order of preference:

1. after a mark that ends a phrase (、，。；：) or at a space (``PHRASE``);
2. between two words (``WORD``): a small dictionary of the words a hall's services are
   named with (登记, 许可, 公积金 …) splits a run of Chinese; a run of characters it
   does not know stays whole (青川区);
3. between any two Chinese characters (``CHARACTER``), never before a closing mark;
4. anywhere, when a single word of Latin letters is wider than the line (``ANYWHERE``).

A line takes the best kind of break that leaves it at least half full. `WrapLabel` lays
its text out with `break_lines` and draws it itself: the kiosk's fonts (WenQuanYi Micro
Hei on Debian) have no bold face, and Qt's made-up bold is lost from 64 px up (it draws
such type as outlines, without the emboldening), so headings and the ticket number in
elderly type would come out thin. A bold text without a bold face is drawn as outlines
with a stroke of the weight Qt would have added.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QWidget

PHRASE, WORD, CHARACTER, ANYWHERE = range(4)

#: Marks after which a line may end (and with which a line may end).
PHRASE_ENDS = frozenset("、，。；：！？,;:!?）)」』》/")
#: Marks that never start a line.
CLOSING = frozenset("、，。；：！？,.;:!?）)」』》·…%等")
#: Marks that never end a line.
OPENING = frozenset("（(「『《")

#: Words the names of a hall's services, zones and halls are made of: a run of Chinese
#: is split into the longest of these (the rest stays whole), and a line may end
#: between two of them. A hall with other words gets lines broken at its punctuation,
#: then between the words known here, then between characters.
_WORD_LINES = (
    "企业 公司 个体 工商户 个体工商户 商事 经营 市场 主体 设立 变更 注销",
    "登记 注册 备案 许可 审批 核准 认定 证明 申请 申领 申报 办理 发放",
    "换领 补领 换发 补发 延续 年检 年报 查询 咨询 预约 食品 药品 卫生",
    "安全 生产 消防 环保 环境 影响 评价 特种 设备 新办 纳税人 纳税 涉税",
    "税务 发票 社会 民生 社保 医保 医疗 保险 参保 缴费 异地 就医 转移",
    "接续 城乡 城镇 居民 职工 养老 失业 工伤 生育 待遇 退休 住房 公积金",
    "提取 贷款 户籍 户口 迁移 迁入 迁出 身份证 居民身份证 居住证 出入境",
    "护照 通行证 婚姻 生育 出生 死亡 殡葬 残疾人 老年人 优待 低保 救助",
    "不动产 房屋 土地 产权 抵押 交易 投资 项目 建设 工程 规划 建筑 施工",
    "竣工 验收 用地 设计 方案 审查 人才 就业 创业 劳动 合同 仲裁 教育",
    "学籍 医师 执业 资格 证书 证件 车辆 驾驶 机动车 交通 运输 道路",
    "政务服务中心 便民服务中心 服务中心 政务 服务 中心 大厅 便民 综合 受理",
    "窗口 绿色 通道 专区 自助 跨省 通办 一件事 一次办 事项 街道 社区",
)
WORDS = frozenset(w for line in _WORD_LINES for w in line.split())
_LONGEST = max(len(w) for w in WORDS)


def _cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def word_starts(text: str) -> set[int]:
    """The positions in ``text`` where a dictionary word begins or ends inside a run of
    Chinese characters: the longest known word is taken at each place; characters no
    word covers stay together with their neighbours (青川区 + 政务 + 服务 + 中心)."""
    starts: set[int] = set()
    i, n = 0, len(text)
    pending = False  # inside a run of characters no word covers
    while i < n:
        if not _cjk(text[i]):
            i += 1
            pending = False
            continue
        for size in range(min(_LONGEST, n - i), 1, -1):
            if text[i : i + size] in WORDS and all(_cjk(c) for c in text[i : i + size]):
                starts.update((i, i + size))
                i += size
                pending = False
                break
        else:
            if not pending and i > 0 and _cjk(text[i - 1]):
                starts.add(i)  # an unknown run starts right after a known word
            pending = True
            i += 1
    return {p for p in starts if 0 < p < n}


def break_kinds(text: str) -> dict[int, int]:
    """Every place a line may end in ``text`` (the position of the next line's first
    character), with the kind of break (`PHRASE` … `ANYWHERE`; the lowest found)."""
    kinds: dict[int, int] = {}

    def add(pos: int, kind: int) -> None:
        if 0 < pos < len(text) and kind < kinds.get(pos, ANYWHERE + 1):
            kinds[pos] = kind

    words = word_starts(text)
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in CLOSING or before in OPENING:
            continue
        if after == " ":
            continue  # the space goes with the line before, and is dropped
        if before == " " or before in PHRASE_ENDS:
            add(i, PHRASE)
        elif _cjk(before) and _cjk(after):
            add(i, WORD if i in words else CHARACTER)
        elif _cjk(before) or _cjk(after):
            add(i, WORD)  # Chinese next to a number or a Latin word (前面还有2人)
        else:
            add(i, ANYWHERE)
    return kinds


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` in lines no wider than ``width`` as ``measure`` measures them (explicit
    newlines kept), each ended at the best kind of break that fills it at least half;
    a single unbreakable piece wider than ``width`` stays on its own line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, width, measure))
    return lines


def _break_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    kinds = break_kinds(text)
    lines: list[str] = []
    start = 0
    while True:
        rest = text[start:].strip(" ")
        if measure(rest) <= width or not rest:
            lines.append(rest)
            return lines
        best: int | None = None
        for kind in (PHRASE, WORD, CHARACTER, ANYWHERE):
            fits = [
                p
                for p, k in kinds.items()
                if p > start and k <= kind and measure(text[start:p].strip(" ")) <= width
            ]
            if not fits:
                continue
            pos = max(fits)
            if best is None or pos > best:
                best = pos
            if kind >= WORD or measure(text[start:pos].strip(" ")) >= width / 2:
                break  # a phrase that fills half the line, or the best word break
        if best is None:  # nothing fits: the next piece alone, however wide
            later = [p for p in kinds if p > start]
            best = min(later) if later else len(text)
        lines.append(text[start:best].strip(" "))
        start = best
        if start >= len(text):
            return lines


def bold_is_made_up(font: QFont) -> bool:
    """Whether ``font`` is bold only by Qt's emboldening (the family has no bold face)."""
    if font.weight() < QFont.Weight.DemiBold:
        return False
    style = QFontInfo(font).styleName().lower()
    return not any(w in style for w in ("bold", "heavy", "black", "semibold", "demibold"))


#: From this pixel size up, Qt draws type as outlines and its made-up bold is lost.
OUTLINE_PX = 64


@lru_cache(maxsize=4096)
def _lines_cached(text: str, width: int, font_key: str) -> tuple[str, ...]:
    font = QFont()
    font.fromString(font_key)
    fm = QFontMetricsF(font)
    return tuple(break_lines(text, width, fm.horizontalAdvance))


class WrapLabel(QLabel):
    """A label whose lines end where a reader expects (`break_lines`), drawn bold when
    its QSS says bold at any size. ``text()`` is the text as given; ``lines()`` is how it
    is shown at the label's width."""

    def lines(self, width: int | None = None) -> list[str]:
        if width is None:
            width = self.contentsRect().width()
        text = self.text()
        if not text:
            return []
        if not self.wordWrap():
            return text.split("\n")
        return list(_lines_cached(text, max(1, width), self.font().toString()))

    def _line_height(self) -> float:
        return QFontMetricsF(self.font()).lineSpacing()

    def _margins(self) -> tuple[int, int]:
        m = self.contentsMargins()
        return m.left() + m.right(), m.top() + m.bottom()

    def _natural(self) -> float:
        fm = QFontMetricsF(self.font())
        return max((fm.horizontalAdvance(line) for line in self.text().split("\n")), default=0)

    def hasHeightForWidth(self) -> bool:
        return self.wordWrap()

    def heightForWidth(self, width: int) -> int:
        mx, my = self._margins()
        n = max(1, len(self.lines(width - mx)))
        return math.ceil(n * self._line_height()) + my

    def sizeHint(self) -> QSize:
        mx, my = self._margins()
        if not self.text():
            return QSize(mx, my)
        width = math.ceil(self._natural()) + mx
        lines = len(self.text().split("\n"))
        return QSize(width, math.ceil(lines * self._line_height()) + my)

    def minimumSizeHint(self) -> QSize:
        if not self.wordWrap():
            return self.sizeHint()
        mx, my = self._margins()
        if not self.text():
            return QSize(mx, my)
        # No narrower than its widest word: below that, words would break.
        fm = QFontMetricsF(self.font())
        text = self.text()
        cuts = sorted(p for p, k in break_kinds(text).items() if k <= WORD)
        pieces = [text[a:b].strip(" ") for a, b in itertools.pairwise([0, *cuts, len(text)])]
        widest = max((fm.horizontalAdvance(p) for p in pieces), default=0)
        return QSize(math.ceil(widest) + mx, math.ceil(self._line_height()) + my)

    def paintEvent(self, event: QPaintEvent) -> None:
        QFrame.paintEvent(self, event)  # the QSS's background and frame
        rect = QRectF(self.contentsRect())
        lines = self.lines(int(rect.width()))
        if not lines:
            return
        font = self.font()
        fm = QFontMetricsF(font)
        step = fm.lineSpacing()
        align = self.alignment()
        top = rect.top()
        block = step * len(lines) - fm.leading()
        if align & Qt.AlignmentFlag.AlignVCenter:
            top += (rect.height() - block) / 2
        elif align & Qt.AlignmentFlag.AlignBottom:
            top += rect.height() - block
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        colour = self.palette().color(group, self.foregroundRole())
        outline = bold_is_made_up(font) and font.pixelSize() >= OUTLINE_PX
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setFont(font)
        p.setPen(colour)
        for i, line in enumerate(lines):
            advance = fm.horizontalAdvance(line)
            x = rect.left()
            if align & Qt.AlignmentFlag.AlignHCenter:
                x += (rect.width() - advance) / 2
            elif align & Qt.AlignmentFlag.AlignRight:
                x += rect.width() - advance
            baseline = QPointF(x, top + i * step + fm.ascent())
            if outline:
                self._draw_bold(p, baseline, font, line, colour)
            else:
                p.drawText(baseline, line)
        p.end()

    @staticmethod
    def _draw_bold(p: QPainter, at: QPointF, font: QFont, line: str, colour: object) -> None:
        """The line as outlines, filled and stroked by the weight FreeType's emboldening
        adds (a 24th of the size, half on each side)."""
        path = QPainterPath()
        path.addText(at, font, line)
        pen = QPen(colour, font.pixelSize() / 24)  # type: ignore[call-overload]
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.fillPath(path, colour)  # type: ignore[arg-type]
        p.strokePath(path, pen)


def wrap_label(text: str = "", role: str | None = None, *, wrap: bool = True) -> WrapLabel:
    """A public screen's label: centred, lines broken between words."""
    lb = WrapLabel(text)
    if role:
        lb.setProperty("role", role)
    lb.setWordWrap(wrap)
    lb.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lb


def all_lines(root: QWidget) -> list[tuple[WrapLabel, list[str]]]:
    """Every visible label under ``root`` with its lines as shown (tests, screenshots)."""
    return [(lb, lb.lines()) for lb in root.findChildren(WrapLabel) if lb.isVisible()]
