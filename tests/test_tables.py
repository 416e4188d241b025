"""Terminal tables: Arabic joined and in visual order unless --no-bidi."""

from graph.tables import display, print_result


def test_arabic_is_reshaped_for_the_terminal():
    shown = display("استحوذت ميتا", bidi=True)
    assert shown != "استحوذت ميتا"
    assert all("\ufe70" <= c <= "\ufeff" or c == " " for c in shown)  # presentation forms only


def test_no_bidi_keeps_logical_order_and_latin_is_untouched():
    assert display("استحوذت ميتا", bidi=False) == "استحوذت ميتا"
    assert display("Meta 2024", bidi=True) == "Meta 2024"


def test_a_table_row_is_printed_reshaped(capsys):
    print_result("people", [{"label": "مارك", "relation": "LEADS", "role": None, "evidence": []}], bidi=True)
    out = capsys.readouterr().out
    assert display("مارك", bidi=True) in out and "مارك" not in out
