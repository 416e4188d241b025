"""The ``alaqat`` command line: parse arguments, call the library, print results. No logic of its own.

Heavy modules (spaCy, the model, pyvis) are imported inside the commands, so
``alaqat --help`` starts at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main", "parser"]

_EPILOG = """examples:
  alaqat build data/articles --out out         build the bundled articles into out/graph.{json,graphml,html}
  alaqat eval-ner data/ner/ANERcorp/ANERCorp_CamelLab_test.reconstructed.txt
  alaqat train-ner                             rebuild data/models/ar_alaqat_ner from data/ner/
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser of every ``alaqat`` command.

    >>> parser().parse_args(["build", "a.txt", "--out", "o"]).out
    'o'
    """
    p = argparse.ArgumentParser(
        prog="alaqat",
        description="alaqat (علاقات) reads Arabic business news and builds a knowledge graph of who invests in, "
        "buys, leads, leaves, partners with and competes with whom.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="extract articles and write graph.json, graph.graphml and graph.html",
        description="Read articles (.txt, .html, .jsonl files or folders of them), extract companies, people, "
        "products and their relations, merge them into one graph and write DIR/graph.json (node-link JSON), "
        "DIR/graph.graphml and DIR/graph.html (an offline page for the browser).",
    )
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders (.txt: first line is the headline; "
                   ".jsonl: one JSON object per line with text, and optionally id, title, source, date)")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    b.add_argument("--no-model", action="store_true", help="use rules and lexicons only, without the statistical NER model")
    b.add_argument("--model", metavar="PATH", help="spaCy NER model folder (default: data/models/ar_alaqat_ner or $ALAQAT_NER_MODEL)")
    b.add_argument("--gazetteer", metavar="FILE", help="extra knowledge-base entries (JSON, same format as extractors/lexicons/gazetteer.json)")
    b.add_argument("--quiet", action="store_true", help="print only errors")

    e = sub.add_parser(
        "eval-ner",
        help="score the NER model on CoNLL data (token TAG per line)",
        description="Tag the tokens of a CoNLL file (one `token TAG` per line, blank line between sentences) with the "
        "NER model and print precision, recall and F1 per type and micro-averaged, exact span match as conlleval counts.",
    )
    e.add_argument("file", metavar="FILE", help="CoNLL file with gold BIO tags")
    e.add_argument("--model", metavar="PATH", help="model folder (default: the bundled model)")

    q = sub.add_parser(
        "query",
        help="ask the graph: competitors, rivalries, neighbors, path, deals, people, entity",
        description="Answer questions from a built graph. Names may be given in either script, with or without "
        "clitics, diacritics or شركة; an unknown name gets the closest suggestions.",
    )
    q.add_argument("what", choices=["competitors", "rivalries", "neighbors", "path", "deals", "people", "entity"],
                   help="the question")
    q.add_argument("names", nargs="*", metavar="NAME", help="entity name(s): one for most questions, two for path")
    _graph_source(q)
    q.add_argument("--relation", metavar="REL", help="neighbors: follow only this relation (e.g. PARTNERS_WITH)")
    q.add_argument("--depth", type=int, default=1, help="neighbors: how many hops (default 1)")
    q.add_argument("--json", action="store_true", help="print JSON for scripts instead of tables")
    q.add_argument("--no-bidi", action="store_true", help="print Arabic in logical order (no reshaping for the terminal)")

    v = sub.add_parser(
        "view",
        help="write the browser page for the neighbourhood of one entity",
        description="Write an offline HTML page showing NAME and everything within --depth hops of it.",
    )
    v.add_argument("name", metavar="NAME", help="entity name, any script or spelling")
    _graph_source(v)
    v.add_argument("--depth", type=int, default=2, help="hops around NAME (default 2)")
    v.add_argument("--out", default="view.html", metavar="FILE", help="page to write (default view.html)")

    x = sub.add_parser(
        "export",
        help="write the graph as json, graphml, gexf or neo4j (bulk-import CSV + Cypher)",
        description="Convert a built graph to another format: json (node-link), graphml (networkx, igraph, yEd), "
        "gexf (Gephi), neo4j (nodes.csv and relationships.csv with neo4j-admin import headers, plus load.cypher "
        "for LOAD CSV), html (the explorer page).",
    )
    _graph_source(x)
    x.add_argument("--format", default="graphml", choices=["json", "graphml", "gexf", "neo4j", "html"])
    x.add_argument("--out", required=True, metavar="DIR", help="output folder")

    t = sub.add_parser(
        "train-ner",
        help="retrain the NER model from data/ner/ with the checked-in config",
        description="Prepare data/ner/train.spacy and dev.spacy (ANERcorp train plus NewsFANEGold sentences that occur "
        "in neither ANERcorp split; ANERcorp test is never used) and train with extractors/ner/ner.cfg.",
    )
    t.add_argument("--data", default="data/ner", metavar="DIR", help="corpus folder (default: data/ner)")
    t.add_argument("--out", default="data/models/ar_alaqat_ner", metavar="DIR", help="model folder to write")
    return p


def _graph_source(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", default="out/graph.json", metavar="FILE",
                   help="graph.json written by `alaqat build` (default out/graph.json)")


def main(argv: list[str] | None = None) -> int:
    """Run the ``alaqat`` command line; return the exit status."""
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return 0
    from extractors.errors import AlaqatError

    try:
        commands = {"build": _build, "eval-ner": _eval_ner, "train-ner": _train_ner, "query": _query, "view": _view,
                    "export": _export}
        return commands[args.command](args)
    except AlaqatError as err:
        print(f"alaqat: error: {err}", file=sys.stderr)
        return 2


def _build(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from extractors.inputs import SUFFIXES
    from extractors.lexicon import load_gazetteer
    from extractors.pipeline import Extractor
    from graph.runner import build_from_paths, write_outputs

    console = Console(stderr=True, quiet=args.quiet, soft_wrap=True)
    missing = [p for p in args.inputs if not Path(p).exists()]
    for path in missing:
        console.print(f"[red]alaqat: {path}: no such file or folder: check the path[/red]")
    if missing and len(missing) == len(args.inputs):
        return 2
    if args.model:
        import os

        os.environ["ALAQAT_NER_MODEL"] = args.model
    gazetteer = load_gazetteer(args.gazetteer) if args.gazetteer else None
    extractor = Extractor(model=None if args.no_model else "default", gazetteer=gazetteer)
    total = sum(
        sum(1 for c in Path(p).rglob("*") if c.suffix.lower() in SUFFIXES) if Path(p).is_dir() else 1
        for p in args.inputs if Path(p).exists()
    )
    with Progress(console=console, transient=True, disable=args.quiet or total < 5) as progress:
        task = progress.add_task("extracting", total=total)
        report = build_from_paths(args.inputs, extractor, on_article=lambda _: progress.advance(task))
    outputs = write_outputs(report.graph, args.out)
    for problem in report.problems:
        console.print(f"[yellow]skipped {problem}[/yellow]", highlight=False)
    if not args.quiet:
        print(
            f"{report.articles} articles, {report.entities} entities, {report.relations} relations "
            f"in {report.seconds:.1f} s; skipped {len(report.problems)}"
        )
        for kind, path in outputs.items():
            print(f"  {kind:8s} {path}")
    return 1 if report.problems else 0


def _load_graph(path: str):
    from extractors.errors import InputError
    from graph.export import read_json

    if not Path(path).is_file():
        raise InputError(f"{path}: no graph file: build one with `alaqat build INPUT --out DIR` and pass --graph DIR/graph.json")
    try:
        return read_json(path)
    except (ValueError, KeyError) as err:
        raise InputError(f"{path}: not a graph.json written by alaqat ({err}): rebuild it with `alaqat build`") from err


def _query(args: argparse.Namespace) -> int:
    import json

    from graph import queries

    G = _load_graph(args.graph)
    needed = {"rivalries": 0, "path": 2}.get(args.what, 1)
    if len(args.names) != needed:
        print(f"alaqat: error: `query {args.what}` takes {needed} name(s)", file=sys.stderr)
        return 2
    if args.what == "rivalries":
        result = queries.rivalries(G)
    elif args.what == "path":
        result = queries.path(G, *args.names)
    elif args.what == "neighbors":
        result = queries.neighbors(G, args.names[0], relation=args.relation, depth=args.depth)
    else:
        result = getattr(queries, args.what)(G, args.names[0])
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=list))
        return 0
    from graph.tables import print_result

    print_result(args.what, result, bidi=not args.no_bidi and sys.stdout.isatty())
    return 0


def _view(args: argparse.Namespace) -> int:
    import networkx as nx

    from graph.queries import resolve
    from graph.view import write_html

    G = _load_graph(args.graph)
    center = resolve(G, args.name)
    nodes = nx.ego_graph(G.to_undirected(as_view=True), center, radius=args.depth).nodes
    path = write_html(G.subgraph(nodes).copy(), args.out, title=f"alaqat — {G.nodes[center].get('label', center)}")
    print(f"{len(nodes)} entities around {G.nodes[center].get('label', center)}: {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from graph import export
    from graph.view import write_html

    G = _load_graph(args.graph)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    writers = {
        "json": lambda: {"json": export.write_json(G, out / "graph.json")},
        "graphml": lambda: {"graphml": export.write_graphml(G, out / "graph.graphml")},
        "gexf": lambda: {"gexf": export.write_gexf(G, out / "graph.gexf")},
        "neo4j": lambda: export.write_neo4j(G, out),
        "html": lambda: {"html": write_html(G, out / "graph.html")},
    }
    for kind, path in writers[args.format]().items():
        print(f"  {kind:13s} {path}")
    return 0


def _eval_ner(args: argparse.Namespace) -> int:
    from extractors.ner.corpus import read_conll
    from extractors.ner.evaluate import format_report, score_spans
    from extractors.ner.model import load_model, tag_sentences

    path = Path(args.file)
    if not path.is_file():
        print(f"alaqat: {path}: no such file: give a CoNLL file (token TAG per line)", file=sys.stderr)
        return 2
    sentences = read_conll(path)
    nlp = load_model(args.model)
    predicted = tag_sentences(nlp, [words for words, _ in sentences])
    pairs = []
    for (words, gold), spans in zip(sentences, predicted):
        tags = ["O"] * len(words)
        for start, end, label in spans:
            tags[start] = f"B-{label}"
            for k in range(start + 1, end):
                tags[k] = f"I-{label}"
        pairs.append((gold, tags))
    print(f"{path}: {len(sentences)} sentences, {sum(len(w) for w, _ in sentences)} tokens")
    print(format_report(score_spans(pairs)))
    return 0


def _train_ner(args: argparse.Namespace) -> int:
    from extractors.ner.train import prepare, train

    counts = prepare(args.data)
    print(f"training data: {counts}")
    out = train(args.data, args.out)
    print(f"model written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
