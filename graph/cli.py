"""The ``alaqat`` command line: parse arguments, call the library, print results. No logic of its own.

Heavy modules (spaCy, the model, pyvis) are imported inside the commands, so
``alaqat --help`` starts at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

__all__ = ["main", "parser"]

_EPILOG = """examples:
  alaqat build data/articles --out out         build the bundled articles into out/graph.{json,graphml,html}
  alaqat eval-ner data/ner/ANERcorp/ANERCorp_CamelLab_test.reconstructed.txt
  alaqat train-ner                             rebuild data/models/ar_alaqat_ner from data/ner/
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line naming the command's help, with exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}: see `{self.prog} --help`\n")


def _positive(text: str) -> int:
    """An integer of at least 1 (argparse type).

    >>> _positive("2")
    2
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def parser() -> argparse.ArgumentParser:
    """The argument parser of every ``alaqat`` command.

    >>> parser().parse_args(["build", "a.txt", "--out", "o"]).out
    'o'
    """
    p = _Parser(
        prog="alaqat",
        description="alaqat (علاقات) reads Arabic business news and builds a knowledge graph of who invests in, "
        "buys, leads, leaves, partners with and competes with whom.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action=_Version, help="show the version and exit")
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    b = sub.add_parser(
        "build",
        help="extract articles and write graph.json, graph.graphml and graph.html",
        description="Read articles (.txt, .html, .jsonl files or folders of them), extract companies, people, "
        "products and their relations, merge them into one graph and write DIR/graph.json (node-link JSON), "
        "DIR/graph.graphml and DIR/graph.html (an offline page for the browser).",
    )
    b.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    b.add_argument("--db", metavar="FILE", help="keep the store in FILE (default: a temporary store)")
    _extraction_options(b)

    a = sub.add_parser(
        "add",
        help="add articles to a store incrementally (unchanged articles are skipped, changed ones replaced)",
        description="Extract articles into an SQLite store, one transaction per article. Re-adding an unchanged "
        "article changes nothing; an article with a known id and new content replaces its old facts. Export the "
        "graph with `alaqat export --db FILE --out DIR`.",
    )
    a.add_argument("--db", required=True, metavar="FILE", help="the store file (created if missing)")
    _extraction_options(a)

    e0 = sub.add_parser(
        "explain",
        help="show how an entity was resolved: its aliases, the rule and score that joined each, its articles",
        description="Explain an entity of the graph: every name that joined it, by which rule (knowledge-base, "
        "same-name, acronym, transliteration, person-part, alias-pair) and score, and the articles it appears in.",
    )
    e0.add_argument("name", metavar="NAME", help="entity name, any script or spelling")
    _graph_source(e0)
    e0.add_argument("--json", action="store_true", help="print JSON for scripts")

    e = sub.add_parser(
        "eval-ner",
        help="score the NER model on CoNLL data (token TAG per line)",
        description="Tag the tokens of a CoNLL file (one `token TAG` per line, blank line between sentences) with the "
        "NER model and print precision, recall and F1 per type and micro-averaged, exact span match as conlleval counts.",
    )
    e.add_argument("file", metavar="FILE", help="CoNLL file with gold BIO tags")
    e.add_argument("--model", metavar="PATH", help="model folder (default: the bundled model)")
    e.add_argument("--window", type=int, default=40, metavar="N",
                   help="also score with the document context alaqat adds to the model: names tagged within N "
                   "neighbouring sentences tagged again where they recur, quoted titles after a work or product noun "
                   "(0: off; default 40)")

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
    q.add_argument("--relation", metavar="REL", type=str.upper,
                   help="neighbors: follow only this relation (e.g. PARTNERS_WITH, any case)")
    q.add_argument("--depth", type=_positive, default=1, help="neighbors: how many hops, 1 or more (default 1)")
    q.add_argument("--json", action="store_true", help="print JSON for scripts instead of tables")
    q.add_argument("--no-bidi", action="store_true", help="print Arabic in logical order (no reshaping for the terminal)")
    _fact_filters(q)

    v = sub.add_parser(
        "view",
        help="write the browser page for the neighbourhood of one entity",
        description="Write an offline HTML page showing NAME and everything within --depth hops of it.",
    )
    v.add_argument("name", metavar="NAME", help="entity name, any script or spelling")
    _graph_source(v)
    v.add_argument("--depth", type=_positive, default=2, help="hops around NAME, 1 or more (default 2)")
    v.add_argument("--out", default="view.html", metavar="FILE", help="page to write (default view.html)")
    _fact_filters(v)

    x = sub.add_parser(
        "export",
        help="write the graph as json, graphml, gexf or neo4j (bulk-import CSV + Cypher)",
        description="Convert a built graph to another format: json (node-link), graphml (networkx, igraph, yEd), "
        "gexf (Gephi), neo4j (nodes.csv and relationships.csv with neo4j-admin import headers, plus load.cypher "
        "for LOAD CSV), html (the explorer page).",
    )
    _graph_source(x)
    x.add_argument("--format", default="graphml", choices=["json", "graphml", "gexf", "neo4j", "html", "all"])
    x.add_argument("--out", required=True, metavar="DIR", help="output folder")
    _fact_filters(x)
    _curation_commands(sub)

    t = sub.add_parser(
        "train-ner",
        help="retrain the NER model from data/ner/ with the checked-in config",
        description="Prepare data/ner/train.spacy and dev.spacy (ANERcorp train plus NewsFANEGold sentences that occur "
        "in neither ANERcorp split; ANERcorp test is never used; business news: the annotated articles of "
        "../shared/eval/dev and the sentences in data/train/) and train with extractors/ner/ner.cfg.",
    )
    t.add_argument("--annotated", default=None, metavar="DIR",
                   help="annotated business news with articles/ and gold.json (default: ../shared/eval/dev)")
    t.add_argument("--data", default="data/ner", metavar="DIR", help="corpus folder (default: data/ner)")
    t.add_argument("--out", default="data/models/ar_alaqat_ner", metavar="DIR", help="model folder to write")
    r = sub.add_parser(
        "train-rel",
        help="retrain the relation model from annotated business news",
        description="Extract the annotated articles of ../shared/eval/dev and the sentences in data/train/ and "
        "data/train_rel/ with the "
        "shipped NER model and rules, label every pair of mentions in a sentence from the gold relations, and fit "
        "the relation model (extractors/rel/) into data/models/ar_alaqat_rel/weights.json.",
    )
    r.add_argument("--annotated", default=None, metavar="DIR",
                   help="annotated business news with articles/ and gold.json (default: ../shared/eval/dev)")
    r.add_argument("--out", default="data/models/ar_alaqat_rel", metavar="DIR", help="model folder to write")
    return p


def _extraction_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files or folders (.txt: first line is the headline; .html; .jsonl: one JSON object per "
                   "line with text, and optionally id, title, source, date)")
    p.add_argument("--no-model", action="store_true", help="use rules and lexicons only, without the statistical NER model")
    p.add_argument("--model", metavar="PATH", help="spaCy NER model folder (default: data/models/ar_alaqat_ner or $ALAQAT_NER_MODEL)")
    p.add_argument("--jobs", type=_positive, default=1, metavar="N", help="extract in N worker processes (each loads the model once)")
    p.add_argument("--dask-scheduler", metavar="ADDRESS", help="extract on an existing Dask cluster (e.g. tcp://10.0.0.5:8786)")
    p.add_argument("--gazetteer", metavar="FILE",
                   help="extra knowledge-base entries (JSON, same format as extractors/lexicons/gazetteer.json)")
    p.add_argument("--quiet", action="store_true", help="print only errors")


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"alaqat {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("alaqat")
    except PackageNotFoundError:
        return "(not installed: run `pip install -e .`)"


def _fact_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="only relations dated from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only relations dated up to DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--min-confidence", type=float, metavar="X", help="only relations with confidence X or more (0..1)")


def _curation_commands(sub) -> None:
    """merge, split, forget and stats: a user's corrections to a store, kept as data across rebuilds."""
    m = sub.add_parser(
        "merge", help="merge entity B into entity A in a store (kept across rebuilds)",
        description="Record that A and B are one entity: B's names, articles and relations join A at every rebuild "
        "of the store. `alaqat explain A --db FILE` shows the decision (rule manual-merge).")
    m.add_argument("a", metavar="A", help="the entity to keep")
    m.add_argument("b", metavar="B", help="the entity that joins it")
    m.add_argument("--db", required=True, metavar="FILE", help="the store file")
    s = sub.add_parser(
        "split", help="give NAME a node of its own in a store (kept across rebuilds)",
        description="Record that NAME is its own entity: everything named NAME leaves the entity it was joined to, "
        "at every rebuild of the store. `alaqat explain NAME --db FILE` shows the decision (rule manual-split).")
    s.add_argument("name", metavar="NAME", help="the name to split off, as written in the articles")
    s.add_argument("--db", required=True, metavar="FILE", help="the store file")
    f = sub.add_parser(
        "forget", help="remove one article and its facts from a store (it is not added again)",
        description="Delete article ARTICLE (its id, as `alaqat stats --db FILE --articles` lists) and everything "
        "read from it; later `alaqat add` runs skip it.")
    f.add_argument("article", metavar="ARTICLE", help="the article id")
    f.add_argument("--db", required=True, metavar="FILE", help="the store file")
    st = sub.add_parser(
        "stats", help="articles, entities and relations by type, and the most connected entities",
        description="Count what a graph holds: articles, entities by type, relations by type, and the top entities "
        "by number of relations.")
    _graph_source(st)
    st.add_argument("--top", type=int, default=10, metavar="N", help="how many top entities (default 10)")
    st.add_argument("--articles", action="store_true", help="also list the article ids (with --db)")
    st.add_argument("--json", action="store_true", help="print JSON for scripts")


_DEFAULT_GRAPH = "out/graph.json"


def _graph_source(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--graph", metavar="FILE",
                       help=f"graph.json written by `alaqat build` (default {_DEFAULT_GRAPH}, said when used)")
    group.add_argument("--db", metavar="FILE", help="a store written by `alaqat add` (instead of --graph)")


def main(argv: list[str] | None = None) -> int:
    """Run the ``alaqat`` command line; return the exit status.

    A user's mistake (an :class:`~extractors.errors.AlaqatError`, or a file the system refuses) is one line on
    stderr and exit status 2; ``--debug`` shows the traceback instead. A closed pipe ends quietly, Ctrl-C with 130.
    """
    args = parser().parse_args(argv)
    args.started = time.perf_counter()
    if args.command is None:
        parser().print_help()
        return 0
    from extractors.errors import AlaqatError

    commands = {"build": _build, "eval-ner": _eval_ner, "train-ner": _train_ner, "train-rel": _train_rel,
                "query": _query, "view": _view, "export": _export, "add": _add, "explain": _explain,
                "merge": _merge, "split": _split, "forget": _forget, "stats": _stats}
    try:
        status = commands[args.command](args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 141
    except KeyboardInterrupt:
        print("alaqat: interrupted", file=sys.stderr)
        return 130
    except (AlaqatError, OSError) as err:
        if args.debug:
            raise
        print(f"alaqat: error: {_message(err)}", file=sys.stderr)
        return 2


def _message(err: Exception) -> str:
    """One line for an error: alaqat's own message, or the file and what the system said about it.

    >>> _message(IsADirectoryError(21, "Is a directory", "out"))
    'out: Is a directory: check the path and its permissions'
    """
    if isinstance(err, OSError) and err.filename:
        return f"{err.filename}: {err.strerror}: check the path and its permissions"
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _elapsed(args: argparse.Namespace) -> float:
    """Wall-clock seconds since the command started (model load and writing included)."""
    return time.perf_counter() - args.started


def _output_folder(path: str) -> Path:
    """``path`` as an output folder: refused with a message when it is an existing file."""
    from extractors.errors import InputError

    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{path}: is a file, not a folder: give --out a folder (it is created if missing)")
    return folder


def _output_file(path: str) -> Path:
    """``path`` as a file to write: refused when it is a folder or its folder does not exist."""
    from extractors.errors import InputError

    file = Path(path)
    if file.is_dir():
        raise InputError(f"{path}: is a folder: give --out a file name, e.g. {file / 'view.html'}")
    if not file.parent.is_dir():
        raise InputError(f"{path}: the folder {file.parent} does not exist: create it or write somewhere else")
    return file


def _config(args: argparse.Namespace):
    """How to build the extractor (made only when an article needs extracting), after checking the options."""
    from extractors.errors import ModelError

    if args.model and not (Path(args.model) / "config.cfg").is_file():
        raise ModelError(f"{args.model}: not a spaCy model folder (no config.cfg): give the folder `alaqat train-ner` "
                         "wrote, or leave out --model")
    if args.gazetteer:
        from extractors.lexicon import load_gazetteer

        load_gazetteer(args.gazetteer)
    from extractors.records import ExtractorConfig

    return ExtractorConfig(model=None if args.no_model else (args.model or "default"), gazetteer=args.gazetteer)


def _check_inputs(args: argparse.Namespace) -> None:
    """Refuse a command none of whose inputs exist (a missing one among others is reported with the skipped)."""
    from extractors.errors import InputError

    if not any(Path(p).exists() for p in args.inputs):
        raise InputError(f"{', '.join(args.inputs)}: no such file or folder: check the path")


def _count_inputs(inputs: list[str]) -> int:
    from extractors.inputs import article_files

    return sum(
        sum(1 for _ in article_files(Path(p))) if Path(p).is_dir() else 1
        for p in inputs if Path(p).exists()
    )


def _run_with_progress(args: argparse.Namespace, work):
    """Run ``work(on_article)`` under a progress bar (shown for five files or more); report what was skipped."""
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True, quiet=args.quiet, soft_wrap=True)
    total = _count_inputs(args.inputs)
    with Progress(console=console, transient=True, disable=args.quiet or total < 5) as progress:
        task = progress.add_task("extracting", total=total)
        report = work(lambda _: progress.advance(task))
    for notice in report.notices:
        console.print(f"[yellow]note: {notice}[/yellow]", highlight=False)
    for problem in report.problems:
        console.print(f"[yellow]skipped {problem}[/yellow]", highlight=False)
    return report


def _build(args: argparse.Namespace) -> int:
    from graph.runner import build_from_paths, write_outputs

    _check_inputs(args)
    out, config = _output_folder(args.out), _config(args)
    report = _run_with_progress(args, lambda tick: build_from_paths(
        args.inputs, on_article=tick, db=args.db, jobs=args.jobs, dask=args.dask_scheduler, config=config))
    outputs = write_outputs(report.graph, out, jobs=args.jobs)
    if not args.quiet:
        print(
            f"{report.articles} articles, {report.entities} entities, {report.relations} relations "
            f"in {_elapsed(args):.1f} s; skipped {len(report.problems)}"
        )
        for kind, path in outputs.items():
            print(f"  {kind:8s} {path}")
    return 1 if report.problems else 0


def _add(args: argparse.Namespace) -> int:
    from graph.runner import add_paths
    from graph.store import Store

    _check_inputs(args)
    config = _config(args)
    with Store(args.db) as store:
        report = _run_with_progress(args, lambda tick: add_paths(
            args.inputs, store, on_article=tick, jobs=args.jobs, dask=args.dask_scheduler, config=config))
        total = store.documents()
    if not args.quiet:
        print(
            f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
            f"skipped {len(report.problems)}; the store holds {total} articles ({args.db}) in {_elapsed(args):.1f} s"
        )
    return 1 if report.problems else 0


def _explain(args: argparse.Namespace) -> int:
    from graph.queries import resolve

    G, (name,) = _graph_for(args, "explain", [args.name])
    n = resolve(G, name)
    data = G.nodes[n]
    if args.json:
        return _print_json({"id": n, **{k: data.get(k) for k in ("label", "type", "aliases", "provenance", "documents")}})
    print(f"{data.get('label', n)}  [{data.get('type')}]  id={n}")
    print("aliases: " + "، ".join(data.get("aliases", [])))
    print("joined by:")
    for p in data.get("provenance", []):
        print(f"  {p['name']}  <- {p['rule']} (score {p['score']:.2f}) in {p['document']}")
    print("articles: " + ", ".join(data.get("documents", [])))
    return 0


def _load_graph(args: argparse.Namespace):
    from extractors.errors import InputError
    from graph.export import read_json

    if getattr(args, "db", None):
        with _open_index(args.db) as ix:
            return ix.graph(whole=True)
    path = args.graph
    if path is None:
        path = _DEFAULT_GRAPH
        print(f"alaqat: reading {path} (choose with --graph FILE or --db FILE)", file=sys.stderr)
    if not Path(path).is_file():
        raise InputError(f"{path}: no graph file: build one with `alaqat build INPUT --out DIR` and pass --graph DIR/graph.json")
    try:
        return read_json(path)
    except (ValueError, KeyError) as err:
        raise InputError(f"{path}: not a graph.json written by alaqat ({err}): rebuild it with `alaqat build`") from err


def _query(args: argparse.Namespace) -> int:
    import json

    from graph import queries

    from extractors.errors import InputError

    needed = {"rivalries": 0, "path": 2}.get(args.what, 1)
    if len(args.names) != needed:
        raise InputError(f"`query {args.what}` takes {needed} name(s), got {len(args.names)}: quote a name with spaces")
    if args.relation:
        from extractors.records import RELATION_TYPES  # pydantic, only when a relation is named

        if args.relation not in RELATION_TYPES:
            raise InputError(f"--relation {args.relation}: no such relation: choose one of {', '.join(RELATION_TYPES)}")
    G, names = _graph_for(args, args.what, args.names)
    if args.what == "rivalries":
        result = queries.rivalries(G)
    elif args.what == "path":
        result = queries.path(G, *names)
    elif args.what == "neighbors":
        result = queries.neighbors(G, names[0], relation=args.relation, depth=args.depth)
    else:
        result = getattr(queries, args.what)(G, names[0])
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

    out = _output_file(args.out)
    G, (center,) = _graph_for(args, "view", [args.name])
    center = resolve(G, center)
    nodes = nx.ego_graph(G.to_undirected(as_view=True), center, radius=args.depth).nodes
    path = write_html(G.subgraph(nodes).copy(), out, title=f"alaqat — {G.nodes[center].get('label', center)}")
    print(f"{len(nodes)} entities around {G.nodes[center].get('label', center)}: {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from graph import export
    from graph.view import write_html

    out = _output_folder(args.out)
    G = _filtered_graph(args)
    out.mkdir(parents=True, exist_ok=True)
    writers = {
        "json": lambda: {"json": export.write_json(G, out / "graph.json")},
        "graphml": lambda: {"graphml": export.write_graphml(G, out / "graph.graphml")},
        "gexf": lambda: {"gexf": export.write_gexf(G, out / "graph.gexf")},
        "neo4j": lambda: export.write_neo4j(G, out),
        "html": lambda: {"html": write_html(G, out / "graph.html")},
    }
    chosen = list(writers) if args.format == "all" else [args.format]
    for kind, path in [item for name in chosen for item in writers[name]().items()]:
        print(f"  {kind:13s} {path}")
    return 0


def _print_json(value) -> int:
    import json

    print(json.dumps(value, ensure_ascii=False, indent=1, default=list))
    return 0


def _filtered_graph(args: argparse.Namespace):
    """The graph of --graph or --db, restricted by --since, --until and --min-confidence."""
    from graph.queries import within

    bounds = {k: getattr(args, k, None) for k in ("since", "until", "min_confidence")}
    return within(_load_graph(args), **bounds)


def _graph_for(args: argparse.Namespace, what: str, names: list[str]):
    """The graph a command reads and its names, as ``(G, names)``: with --db and no filter, only what the question
    needs from the store's index (names resolved to node ids); otherwise the whole graph, filtered."""
    if args.db and not any(getattr(args, k, None) is not None for k in ("since", "until", "min_confidence")):
        from graph.index import reads

        with _open_index(args.db) as ix:
            return reads(ix, what, names, getattr(args, "relation", None), getattr(args, "depth", 1))
    return _filtered_graph(args), names


def _open_index(path: str):
    from extractors.errors import InputError
    from graph.index import open_index

    if not Path(path).is_file():
        raise InputError(f"{path}: no store file: create one with `alaqat add INPUT --db {path}`")
    return open_index(path)


def _open_store(path: str):
    from extractors.errors import InputError
    from graph.store import Store

    if not Path(path).is_file():
        raise InputError(f"{path}: no store file: create one with `alaqat add INPUT --db {path}`")
    return Store(path)


def _merge(args: argparse.Namespace) -> int:
    from extractors.errors import InputError
    from graph.queries import resolve

    with _open_store(args.db) as store:
        G = store.graph()
        keep, drop = resolve(G, args.a), resolve(G, args.b)
        if keep == drop:
            raise InputError(f"{args.a!r} and {args.b!r} are already one entity ({keep}) in {args.db}: nothing to merge")
        store.record("merge", args.a, args.b)
        G = store.graph()
    n = resolve(G, args.a)
    print(f"{args.b} merged into {G.nodes[n]['label']} ({n}): {len(G.nodes[n]['aliases'])} names, "
          f"{len(G.nodes[n]['documents'])} articles; kept in {args.db}")
    return 0


def _split(args: argparse.Namespace) -> int:
    from graph.queries import resolve

    with _open_store(args.db) as store:
        before = resolve(store.graph(), args.name)
        store.record("split", args.name)
        G = store.graph()
    n = resolve(G, args.name)
    print(f"{args.name} split off {before}: now {n} ({len(G.nodes[n]['documents'])} articles); kept in {args.db}")
    return 0


def _forget(args: argparse.Namespace) -> int:
    import difflib

    from extractors.errors import InputError

    with _open_store(args.db) as store:
        ids = store.document_ids()
        if args.article not in ids:
            close = difflib.get_close_matches(args.article, ids, n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise InputError(f"{args.article}: no such article in {args.db}: {hint}list the ids with "
                             f"`alaqat stats --db {args.db} --articles`")
        store.record("forget", args.article)
        left = store.documents()
    print(f"forgot {args.article}: its facts are gone and it will not be added again; {left} articles left in {args.db}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from graph.queries import stats

    result = stats(_load_graph(args), top=args.top)
    if args.db:
        with _open_store(args.db) as store:
            result["articles"] = store.documents()  # articles in which nothing was found count too
            if args.articles:
                result["article_ids"] = store.document_ids()
    if args.json:
        return _print_json(result)
    print(f"{result['articles']} articles, {sum(result['entities'].values())} entities, "
          f"{sum(result['relations'].values())} relations")
    print("entities:  " + ", ".join(f"{k} {v}" for k, v in result["entities"].items()))
    print("relations: " + ", ".join(f"{k} {v}" for k, v in result["relations"].items()))
    print("top entities:")
    for item in result["top"]:
        print(f"  {item['degree']:4d}  {item['label']}  [{item['type']}]  {item['id']}")
    for doc in result.get("article_ids", []):
        print(f"  article {doc}")
    return 0


def _eval_ner(args: argparse.Namespace) -> int:
    from extractors.ner.corpus import read_conll
    from extractors.ner.evaluate import format_report, score_spans
    from extractors.ner.model import document_context, load_model, tag_sentences

    from extractors.errors import InputError

    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"{path}: no such file: give a CoNLL file (token TAG per line)")
    try:
        sentences = read_conll(path)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text: give a CoNLL file (token TAG per line)") from err
    _check_conll(path, sentences)
    words = [w for w, _ in sentences]
    predicted = tag_sentences(load_model(args.model), words)

    def tags(n: int, spans) -> list[str]:
        out = ["O"] * n
        for start, end, label in spans:
            out[start] = f"B-{label}"
            for k in range(start + 1, end):
                out[k] = f"I-{label}"
        return out

    print(f"{path}: {len(sentences)} sentences, {sum(len(w) for w in words)} tokens")
    print("model, sentence by sentence:")
    print(format_report(score_spans([(g, tags(len(w), p)) for (w, g), p in zip(sentences, predicted)])))
    if args.window:
        consistent = document_context(words, predicted, window=args.window)
        print(f"with document context (names tagged within {args.window} sentences, quoted titles):")
        print(format_report(score_spans([(g, tags(len(w), p)) for (w, g), p in zip(sentences, consistent)])))
    return 0


def _check_conll(path: Path, sentences) -> None:
    """Refuse a file that is not CoNLL: no sentence, or a tag that is not O, B-TYPE or I-TYPE."""
    import re

    from extractors.errors import InputError

    bad = next((t for _, tags in sentences for t in tags if not re.fullmatch(r"O|[BI]-\w+", t)), None)
    if not sentences or bad is not None:
        found = "no sentences" if not sentences else f"the tag {bad[:20]!r}"
        raise InputError(f"{path}: not a CoNLL file ({found}): give one `token TAG` per line, tags O, B-TYPE, I-TYPE")


def _train_ner(args: argparse.Namespace) -> int:
    from extractors.ner.train import prepare, train

    counts = prepare(args.data, **({"annotated": args.annotated} if args.annotated else {}))
    print(f"training data: {counts}")
    out = train(args.data, args.out)
    print(f"model written to {out}")
    return 0



def _train_rel(args: argparse.Namespace) -> int:
    from extractors.ner.train import ANNOTATED, WRITTEN
    from extractors.rel.train import RELATION_WRITTEN, train_relation_model

    written = sorted(WRITTEN.glob("*.jsonl")) + sorted(RELATION_WRITTEN.glob("*.jsonl"))
    counts = train_relation_model(args.annotated or ANNOTATED, written, args.out)
    print(f"relation model written to {args.out}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
