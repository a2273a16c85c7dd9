"""The Typer app: flags and help text only. Each command hands off to its own module.

Command modules are imported inside the commands so that `--version`, `--help` and a
scripted JSON run load only what they use.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from footcheck import __version__
from footcheck.cli.context import Context, context_of
from footcheck.cli.failures import FootcheckGroup, reports_failures
from footcheck.cli.terminal import accessible_mode
from footcheck.text.display import printable, shown
from footcheck.text.messages import say

app = typer.Typer(
    name="footcheck",
    help="A foot-and-posture checklist for people with low back pain. It never diagnoses "
    "and never uses the network. Start with: footcheck assess",
    epilog="\b\nExamples:\n"
    "  footcheck assess\n"
    "  footcheck assess --answers answers.json --format json > summary.json\n"
    "  footcheck report summary.json -o summary.html\n"
    "  footcheck history list",
    invoke_without_command=True,
    cls=FootcheckGroup,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"
    fhir = "fhir"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    fhir = "fhir"


class RowsFormat(StrEnum):
    """Many rows: batch input, and the results of batch and history export."""

    jsonl = "jsonl"
    csv = "csv"


class SchemaKind(StrEnum):
    answers = "answers"
    summary = "summary"


Choice = TypeVar("Choice", bound=StrEnum)


def one_of(kind: type[Choice], option: str) -> Callable[[str | Choice], Choice]:
    """A parser for a flag with a fixed set of values, refusing others in footcheck's words
    (the option, the value given, the values allowed)."""

    def parse(text: str | Choice) -> Choice:
        if isinstance(text, kind):
            return text
        try:
            return kind(text)
        except ValueError:
            allowed = ", ".join(kind)
            value = shown(str(text))
            message = say("cli.value.not_one_of", option=option, value=value, allowed=allowed)
            raise typer.BadParameter(message) from None

    return parse


def a_file(option: str) -> Callable[[str | Path], Path]:
    """A parser for a file's path: a directory is refused here, naming the option; whether
    the file exists or can be written is the command's to say."""

    def parse(text: str | Path) -> Path:
        path = Path(text)
        try:
            directory = path.is_dir()
        except OSError:  # a name too long to look up: the command says what is wrong
            directory = False
        if directory:
            message = say("cli.value.is_directory", option=option, path=printable(str(text)))
            raise typer.BadParameter(message)
        return path

    return parse


def whole_number(option: str) -> Callable[[str | int], int]:
    """A parser for a count, refusing anything else in footcheck's words."""

    def parse(text: str | int) -> int:
        if isinstance(text, int):
            return text
        try:
            return int(text)
        except ValueError:
            message = say("cli.value.not_whole_number", option=option, value=shown(text))
            raise typer.BadParameter(message) from None

    return parse


def _show_version(ctx: typer.Context, value: bool) -> None:
    if value:
        print(say("cli.version", version=__version__), file=context_of(ctx).stdout)
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """A foot-and-posture checklist for people with low back pain."""
    context = context_of(ctx)  # built once, from the process, unless the caller gave one
    if ctx.invoked_subcommand is None:
        # `footcheck` alone is a question, not a mistake: the help, and success (as git).
        print(ctx.get_help(), file=context.stdout)
        raise typer.Exit()


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        parser=one_of(OutputFormat, "--format"),
        metavar="FORMAT",
        help="What to print on stdout: rich (default), json, markdown, html, or fhir (a "
        "FHIR R4B Bundle). Also the format of --output when given.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        parser=a_file("--output"),
        metavar="FILE",
        help="Write the summary to this file instead of stdout (a terminal still shows "
        "it); the format comes from --format, else the suffix (.json .md .html .txt, "
        ".fhir.json).",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
AccessibleOption = Annotated[
    bool,
    typer.Option(
        "--accessible",
        help="Screen-reader-friendly output: no box drawing, bars or arrows, one plain "
        "sentence a line (also FOOTCHECK_ACCESSIBLE=1).",
    ),
]


@app.command()
@reports_failures
def assess(
    context: Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            parser=a_file("--answers"),
            metavar="FILE",
            help="Answers from a JSON or TOML file (an exported "
            "summary works too). Only what is missing is asked.",
        ),
    ] = None,
    assignments: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            metavar="ID=VALUE",
            help="Set one answer, e.g. --set age=42 --set other_pain='feet;knees'. "
            "Repeatable; wins over --answers.",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt: missing answers are an error."),
    ] = False,
    save: Annotated[
        bool | None,
        typer.Option(
            "--save/--no-save",
            help="Keep the result in your private local history. "
            "Interactive runs ask; scripted runs save only with --save.",
        ),
    ] = None,
    fresh: Annotated[
        bool,
        typer.Option("--fresh", help="Ignore (and delete) an interrupted draft; start afresh."),
    ] = False,
    accessible: AccessibleOption = False,
) -> None:
    """Answer the checklist and see your summary.

    Examples:

      footcheck assess

      footcheck assess --answers answers.json --format json > summary.json
    """
    from footcheck.cli.commands.assess import AssessOptions, run_assess

    run_assess(
        context,
        AssessOptions(
            answers_file=answers,
            assignments=assignments or [],
            output_format=output_format.value if output_format else None,
            output=output,
            force=force,
            no_input=no_input,
            save=save,
            accessible=accessible_mode(context, accessible),
            fresh=fresh,
        ),
    )


@app.command(short_help="List every question, its allowed values and help.")
@reports_failures
def questions(
    context: Context,
    list_format: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            "-f",
            parser=one_of(ListFormat, "--format"),
            metavar="FORMAT",
            help="table, json, markdown, or fhir (a FHIR R4B Questionnaire).",
        ),
    ] = ListFormat.table,
    accessible: AccessibleOption = False,
) -> None:
    """List every question: id, section, allowed values, when it applies, help.

    Examples:

      footcheck questions

      footcheck questions --format markdown > checklist.md
    """
    from footcheck.render import questions as render_questions

    if list_format is ListFormat.fhir:
        from footcheck.fhir.questionnaire import questionnaire_json

        typer.echo(questionnaire_json(), nl=False, file=context.stdout)
    elif list_format is ListFormat.json:
        typer.echo(render_questions.questions_json(), nl=False, file=context.stdout)
    elif list_format is ListFormat.markdown:
        typer.echo(render_questions.questions_markdown(), nl=False, file=context.stdout)
    else:
        if accessible_mode(context, accessible):
            typer.echo(render_questions.questions_plain(), nl=False, file=context.stdout)
            return
        render_questions.print_questions_table(context.console())


@app.command(short_help="An empty answers file to fill in by hand.")
@reports_failures
def template(
    context: Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=a_file("--output"),
            metavar="FILE",
            help="Write to this file instead of stdout; a .toml name gets the TOML "
            "version, each question explained.",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """An answers file with every question id set to null, to fill in by hand.

    Examples:

      footcheck template -o answers.json

      footcheck template -o answers.toml
    """
    from footcheck.cli.commands.files import write_template

    write_template(context, output, force=force)


@app.command()
@reports_failures
def schema(
    context: Context,
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            parser=one_of(SchemaKind, "KIND"), metavar="[KIND]", help="answers or summary."
        ),
    ] = SchemaKind.answers,
) -> None:
    """The JSON Schema of the answers file or of the exported summary.

    Examples:

      footcheck schema answers > answers.schema.json

      footcheck schema summary
    """
    from footcheck.render.schemas import schema_for

    typer.echo(
        json.dumps(schema_for(kind.value), indent=2, ensure_ascii=False), file=context.stdout
    )


@app.command()
@reports_failures
def report(
    context: Context,
    file: Annotated[
        Path,
        typer.Argument(parser=a_file("FILE"), metavar="FILE", help="An exported summary (JSON)."),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Show an exported summary again, in any format.

    Examples:

      footcheck report summary.json

      footcheck report summary.json -o summary.html
    """
    from footcheck.cli.commands.files import run_report
    from footcheck.cli.output import destination

    chosen = output_format.value if output_format else None
    run_report(
        context,
        file,
        destination(chosen, output, force=force, accessible=accessible_mode(context, accessible)),
    )


class SourcesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command(short_help="The clinical sources and licences footcheck rests on.")
@reports_failures
def sources(
    context: Context,
    list_format: Annotated[
        SourcesFormat,
        typer.Option(
            "--format",
            "-f",
            parser=one_of(SourcesFormat, "--format"),
            metavar="FORMAT",
            help="text, json or markdown.",
        ),
    ] = SourcesFormat.text,
    accessible: AccessibleOption = False,
) -> None:
    """Every clinical source footcheck's rules and texts rest on, with links; then the
    licences of the works it includes (the Keele STarT Back items, Roland-Morris, LOINC).

    Examples:

      footcheck sources

      footcheck sources --accessible

      footcheck sources --format json
    """
    from footcheck.render import sources_list

    if list_format is SourcesFormat.text:
        text = sources_list.sources_text(accessible=accessible_mode(context, accessible))
    elif list_format is SourcesFormat.json:
        text = sources_list.sources_json()
    else:
        text = sources_list.sources_markdown()
    typer.echo(text, nl=False, file=context.stdout)


history_app = typer.Typer(
    help="Your private local history of results, to track progress. Stored only on this "
    "machine ($FOOTCHECK_HOME, else your user data folder), readable by you only.",
    short_help="Your private local history of results, to track progress.",
    epilog="\b\nExamples:\n"
    "  footcheck history list\n"
    "  footcheck history show 3\n"
    "  footcheck history trend\n"
    "  footcheck history export -o all.csv",
    no_args_is_help=True,
)
app.add_typer(history_app, name="history")


@history_app.command(
    "list", short_help="A table of saved results: date, triage, pain, risk, main cause."
)
@reports_failures
def history_list(context: Context, accessible: AccessibleOption = False) -> None:
    """A table of saved results: id, date, triage, pain, STarT Back risk, top contributor.

    Example:

      footcheck history list
    """
    from footcheck.cli.commands.history import list_results

    list_results(context, accessible=accessible_mode(context, accessible))


MAX_RESULT_ID = 2**63 - 1
"""The largest id SQLite can hold."""


def _result_id(text: str | int) -> int:
    """A saved result's id, refused in the history's own words rather than the parser's."""
    from footcheck.checklist.kinds import read_number  # pydantic: not for --version

    if isinstance(text, int):
        return text

    number = read_number(text, whole=True)
    if isinstance(number, int) and 0 <= number <= MAX_RESULT_ID:
        return number

    raise typer.BadParameter(say("cli.not_a_result_id", text=shown(text)))


@history_app.command("show")
@reports_failures
def history_show(
    context: Context,
    result_id: Annotated[
        int, typer.Argument(metavar="ID", parser=_result_id, help="The id from `history list`.")
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Show one saved result in full, in any format.

    Examples:

      footcheck history show 3

      footcheck history show 3 -o result-3.html
    """
    from footcheck.cli.commands.history import show_result
    from footcheck.cli.output import destination

    chosen = output_format.value if output_format else None
    show_result(
        context,
        result_id,
        destination(chosen, output, force=force, accessible=accessible_mode(context, accessible)),
    )


@history_app.command("trend", short_help="Pain, STarT Back risk and contributor points over time.")
@reports_failures
def history_trend(context: Context, accessible: AccessibleOption = False) -> None:
    """Pain intensity, STarT Back risk and contributor points over time, as a chart.

    Examples:

      footcheck history trend

      footcheck history trend --accessible
    """
    from footcheck.cli.commands.history import trend

    trend(context, accessible=accessible_mode(context, accessible))


@history_app.command(
    "export", short_help="Every saved result, oldest first, as JSONL or a wide CSV."
)
@reports_failures
def history_export(
    context: Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=a_file("--output"),
            metavar="FILE",
            help="Write the results here instead of stdout.",
        ),
    ] = None,
    export_format: Annotated[
        RowsFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=one_of(RowsFormat, "--format"),
            metavar="FORMAT",
            help="jsonl (one exported summary a line) or csv (one wide row a result, for "
            "spreadsheets and statistics); default: csv for a .csv --output, else jsonl.",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Every saved result, oldest first: JSONL (one exported summary a line) or a wide CSV
    (the columns of `batch --output-format csv`, record_id = the result's id).

    Examples:

      footcheck history export -o all.jsonl

      footcheck history export -o all.csv
    """
    from footcheck.cli.commands.history import export

    export(context, output, export_format.value if export_format else None, force=force)


@history_app.command("delete")
@reports_failures
def history_delete(
    context: Context,
    result_id: Annotated[
        int | None, typer.Argument(metavar="ID", parser=_result_id, help="The result to delete.")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Delete every saved result.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase one saved result, or all of them.

    Examples:

      footcheck history delete 3

      footcheck history delete --all --yes
    """
    from footcheck.cli.commands.history import delete

    delete(context, result_id, everything=everything, yes=yes)


@app.command()
@reports_failures
def batch(
    context: Context,
    source: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSONL or CSV file of answers; - for stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=a_file("--output"),
            metavar="FILE",
            help="Write the results here instead of stdout.",
        ),
    ] = None,
    output_format: Annotated[
        RowsFormat | None,
        typer.Option(
            "--output-format",
            parser=one_of(RowsFormat, "--output-format"),
            metavar="FORMAT",
            help="jsonl (one exported summary a line) or csv (one wide row a result, for "
            "spreadsheets and statistics); default: csv for a .csv --output, else jsonl.",
        ),
    ] = None,
    id_field: Annotated[
        str,
        typer.Option(
            "--id-field",
            metavar="NAME",
            help="The column (CSV) or key (JSONL) holding your own record ids: not a "
            "question; copied into each row's result as record_id.",
        ),
    ] = "record_id",
    input_format: Annotated[
        RowsFormat | None,
        typer.Option(
            "--input-format",
            parser=one_of(RowsFormat, "--input-format"),
            metavar="FORMAT",
            help="jsonl or csv (default: from the suffix).",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            parser=whole_number("--jobs"),
            metavar="N",
            help="Score in N worker processes (0: one per core); the output is the same, "
            "in input order.",
        ),
    ] = 1,
    force: ForceOption = False,
    show_totals: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Print totals on stderr at the end: rows, "
            "errors, triage counts, most common contributors.",
        ),
    ] = False,
) -> None:
    """Score many answer sets: one result per input row, in order.

    A row that fails validation becomes {"line": N, "errors": [...]} in its place (in CSV,
    a row with its error), with a line on stderr; the other rows are still scored and the
    exit code is 1.

    Examples:

      footcheck batch clinic.csv -o summaries.jsonl --summary

      footcheck batch clinic.csv --id-field patient -o results.csv --jobs 0
    """
    from footcheck.cli.commands.batch import run_batch

    run_batch(
        context,
        None if source == "-" else Path(source),
        input_format.value if input_format else None,
        output,
        force=force,
        show_totals=show_totals,
        id_field=id_field,
        output_format=output_format.value if output_format else None,
        jobs=jobs,
    )
