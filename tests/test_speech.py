"""What a call says: the number read letter then digit by digit, the window as a quantity,
the hall's template and its 一/幺 choice, in Chinese and English."""

from __future__ import annotations

import pytest

from shared.base.errors import HallError
from shared.config.hall_file import VoiceConfig, parse_hall_config
from shared.devices.speech import call_words, spoken_number, spoken_quantity

from .test_config import SMALL_HALL, mistake


@pytest.mark.parametrize(
    ("number", "window", "zh", "en"),
    [
        (
            "A001",
            1,
            "请A零零一号到一号窗口办理",
            "Number A-zero zero one, please go to window one",
        ),
        (
            "B010",
            10,
            "请B零一零号到十号窗口办理",
            "Number B-zero one zero, please go to window ten",
        ),
        (
            "C100",
            12,
            "请C一零零号到十二号窗口办理",
            "Number C-one zero zero, please go to window twelve",
        ),
        (
            "Z999",
            20,
            "请Z九九九号到二十号窗口办理",
            "Number Z-nine nine nine, please go to window twenty",
        ),
    ],
)
def test_a_call_is_spoken_digit_by_digit_to_a_window_read_as_a_quantity(
    number: str, window: int, zh: str, en: str
) -> None:
    words = call_words(number, window)
    assert words.lang == "zh"
    assert words.text == f"请{number}号到{window}号窗口办理"
    assert words.speech == zh
    english = call_words(number, window, lang="en")
    assert english.text == f"Number {number}, please go to window {window}"
    assert english.speech == en


def test_the_hall_may_read_the_digit_one_as_yao() -> None:
    yao = VoiceConfig(one="幺")
    assert call_words("A001", 1, yao).speech == "请A零零幺号到一号窗口办理"
    assert call_words("B111", 11, yao).speech == "请B幺幺幺号到十一号窗口办理"
    # The window is a quantity, never 幺: "十一号窗口".
    assert spoken_number("A001", "zh", one="幺") == "A零零幺"


@pytest.mark.parametrize(
    ("n", "zh", "en"),
    [
        (2, "二", "two"),
        (10, "十", "ten"),
        (11, "十一", "eleven"),
        (21, "二十一", "twenty-one"),
        (100, "一百", "one hundred"),
        (101, "一百零一", "one hundred and one"),
        (110, "一百一十", "one hundred and ten"),
        (1005, "一千零五", "one thousand and five"),
        (1200, "一千二百", "one thousand two hundred"),
    ],
)
def test_window_numbers_read_as_quantities(n: int, zh: str, en: str) -> None:
    assert spoken_quantity(n, "zh") == zh
    assert spoken_quantity(n, "en") == en


def test_the_hall_template_is_used_for_both_screen_and_voice() -> None:
    voice = VoiceConfig(template="{number}号，请到{window}号窗口")
    words = call_words("a007", 5, voice)  # a kiosk typo in lower case still reads
    assert words.number == "A007"
    assert words.text == "A007号，请到5号窗口"
    assert words.speech == "A零零七号，请到五号窗口"


def test_a_recall_says_the_same_words_again_and_nothing_more() -> None:
    # The announcer speaks call, recall and call-back from the same words.
    assert call_words("A001", 3) == call_words("A001", 3)


@pytest.mark.parametrize("bad", ["", "001", "AA01", "A", "A-01", "一001"])
def test_a_number_that_is_not_a_ticket_number_is_refused_with_a_sentence(bad: str) -> None:
    with pytest.raises(HallError) as caught:
        call_words(bad, 3)
    assert caught.value.code == "speech.bad_number"
    assert "票号" in caught.value.message("zh")


def test_a_window_beyond_9999_and_an_unknown_language_are_refused() -> None:
    with pytest.raises(HallError, match="窗口号"):
        call_words("A001", 10000)
    with pytest.raises(HallError) as caught:
        call_words("A001", 1, lang="fr")
    assert caught.value.code == "speech.bad_lang"


def test_the_voice_section_is_optional_and_every_key_has_a_default() -> None:
    voice = parse_hall_config(SMALL_HALL).voice
    assert voice == VoiceConfig()
    assert (voice.repeat, voice.one, voice.speaker, voice.language) == (2, "一", "counter", "zh")


def test_a_hall_can_set_its_voice_in_the_config_file() -> None:
    text = SMALL_HALL + '\n[voice]\none = "幺"\nrepeat = 1\nspeaker = "display"\n'
    voice = parse_hall_config(text).voice
    assert (voice.one, voice.repeat, voice.speaker) == ("幺", 1, "display")


@pytest.mark.parametrize(
    ("line", "where", "says"),
    [
        ('template = "请{number}号办理"', "voice.template", "{window}"),
        ('template = "请{number}号到{window}号{counter}"', "voice.template", "{window}"),
        ('template_en = "Number {numbr}"', "voice.template_en", "{number}"),
        ("repeat = 3", "voice.repeat", "1 到 2"),
        ('one = "1"', "voice.one", "'一'"),
        ('speaker = "kiosk"', "voice.speaker", "'display'"),
        ("rate = 20", "voice.rate", "80 到 300"),
    ],
)
def test_a_mistake_in_the_voice_section_names_the_key(line: str, where: str, says: str) -> None:
    err = mistake('password = "demo1234"\n', f'password = "demo1234"\n\n[voice]\n{line}\n')
    assert err.where == where
    assert says in err.message("zh")
