"""Readable terminal tables for query results (rich), with Arabic reshaped for terminals without bidi support."""

from __future__ import annotations

from typing import Any

__all__ = ["display", "format_money", "print_result"]


def display(text: Any, bidi: bool) -> str:
    """Text as a terminal should show it: Arabic letters joined and runs in visual order when ``bidi``.

    >>> display("ميتا", bidi=False)
    'ميتا'
    >>> display("Meta", bidi=True)
    'Meta'
    >>> display("ميتا", bidi=True)  # joined presentation forms, last letter first
    'ﺎﺘﻴﻣ'
    """
    text = "" if text is None else str(text)
    if not bidi or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(text))


def format_money(amount: float | None, currency: str | None, arabic: bool = False) -> str:
    """A deal amount for people: ``14.3 bn USD`` (or ``14.3 مليار USD``).

    >>> format_money(14.3e9, "USD"), format_money(99e6, "USD", arabic=True), format_money(None, None)
    ('14.3 bn USD', '99 مليون USD', '')
    """
    if amount is None:
        return ""
    units = ((1e9, "مليار"), (1e6, "مليون")) if arabic else ((1e9, "bn"), (1e6, "m"))
    for size, unit in units:
        if amount >= size:
            return f"{amount / size:g} {unit} {currency or ''}".strip()
    return f"{amount:g} {currency or ''}".strip()


def _first_sentence(item: dict) -> str:
    evidence = item.get("evidence") or []
    return evidence[0]["sentence"] if evidence else ""


_COLUMNS = {
    "competitors": [("rival", lambda r: r["label"]), ("via", lambda r: r["via"] or ""), ("articles", lambda r: r["articles"]),
                    ("evidence", _first_sentence)],
    "neighbors": [("entity", lambda r: r["label"]), ("type", lambda r: r["type"]), ("relation", lambda r: r["relation"]),
                  ("via", lambda r: r["via"]), ("depth", lambda r: r["depth"])],
    "path": [("from", lambda r: r["from"]), ("relation", lambda r: f"{r['relation']} {r['direction']}"), ("to", lambda r: r["to"])],
    "deals": [("relation", lambda r: r["relation"]), ("from", lambda r: r["from"]), ("to", lambda r: r["to"]),
              ("amount", lambda r: format_money(r["amount"], r["currency"])),
              ("stake", lambda r: "" if r["stake_percent"] is None else f"{r['stake_percent']:g}%"),
              ("status", lambda r: r["status"] or ""), ("date", lambda r: r["date"] or "")],
    "people": [("person", lambda r: r["label"]), ("relation", lambda r: r["relation"]), ("role", lambda r: r["role"] or ""),
               ("evidence", _first_sentence)],
}


def print_result(what: str, result: Any, bidi: bool) -> None:
    """Print a query result as a table (or, for entity and rivalries, as sections)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if what == "entity":
        for key, value in result.items():
            if isinstance(value, list):
                value = "، ".join(map(str, value))
            elif isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items())
            console.print(f"[bold]{key}[/bold]: {display(value, bidi)}", highlight=False)
        return
    if what == "rivalries":
        sections = [
            ("stated rivals", [(display(a, bidi), display(b, bidi), "") for a, b in (s["pair"] for s in result["stated"])]),
            ("inferred (rivals of the same company)",
             [(display(i["pair"][0], bidi), display(i["pair"][1], bidi), display("، ".join(i["because"]), bidi)) for i in result["inferred"]]),
        ]
        for title, rows in sections:
            table = Table(title=title, show_lines=False)
            for column in ("rival", "rival", "because"):
                table.add_column(column)
            for row in rows:
                table.add_row(*row)
            console.print(table)
        console.print("groups: " + " | ".join(display("، ".join(g), bidi) for g in result["groups"]), highlight=False)
        return
    table = Table()
    for name, _ in _COLUMNS[what]:
        table.add_column(name, overflow="fold", max_width=80 if name == "evidence" else None)
    for row in result:
        table.add_row(*(display(get(row), bidi) for _, get in _COLUMNS[what]))
    if not result:
        console.print("nothing found")
        return
    console.print(table)
