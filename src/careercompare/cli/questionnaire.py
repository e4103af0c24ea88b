"""The match questionnaire: answers from --answer, and the questions left asked one by one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from careercompare.catalog.models import AnswerOption, Question
from careercompare.catalog.names import bounded, closest_words, did_you_mean
from careercompare.errors import UsageError
from careercompare.sanitize import sanitize
from careercompare.terminal import Terminal
from careercompare.views.formatting import counted

INTERESTS_KEY = "interests"
INTERESTS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
MAX_INTERESTS = 3


def parse_interests(text: str) -> str:
    """Up to three interests, each by its name or a unique start of it, separated by commas
    or spaces ('social, real'); as a comma list of full names. Nothing: no interest."""
    chosen: list[str] = []
    for word in text.replace(",", " ").split():
        fits = [name for name in INTERESTS if name.startswith(word.casefold())]
        if len(fits) != 1:
            what = f"starts {' and '.join(fits)}" if fits else "is not one of them"
            raise UsageError(
                f"interests: '{word[:30]}' {what}; {_did_you_mean(word, INTERESTS)}choose up "
                f"to {MAX_INTERESTS} of: " + ", ".join(INTERESTS)
            )
        if fits[0] not in chosen:
            chosen.append(fits[0])
    if len(chosen) > MAX_INTERESTS:
        raise UsageError(f"interests: {len(chosen)} given; choose up to {MAX_INTERESTS}")
    return ",".join(chosen)


def parse_answers(pairs: Sequence[str], questions: Sequence[Question]) -> dict[str, str]:
    """KEY=VALUE pairs checked against the questions; a wrong key or value is a usage error."""
    by_key = {question.key: question for question in questions}
    keys = [*by_key, INTERESTS_KEY]
    answers: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = bounded(pair, "an answer", "give KEY=VALUE").partition("=")
        key, value = key.strip(), value.strip()
        starting = [k for k in keys if k.startswith(key.casefold())] if key else []
        key = starting[0] if key not in keys and len(starting) == 1 else key  # 'patient'
        if sep and key == INTERESTS_KEY:
            answers[key] = parse_interests(value)
            continue
        if not sep or key not in by_key:
            hint = _did_you_mean(key, keys) if sep else ""
            raise UsageError(
                f"--answer '{pair}': expected KEY=VALUE with KEY one of: {', '.join(keys)}"
                + (f"; {hint.rstrip()}" if hint else "")
            )
        question = by_key[key]
        chosen = choice(question, value)
        if chosen is None:
            values = [option.value for option in question.options]
            fits = [o.value for o in question.options if _starts(o, value)]
            if len(fits) > 1:
                raise UsageError(
                    f"--answer {key}: '{value}' starts {' and '.join(fits)}; type more of it"
                )
            raise UsageError(
                f"--answer {key}: '{value}' is not one of: {', '.join(values)} "
                f"(or their numbers, 1 to {len(values)})"
                + (f"; {hint.rstrip()}" if (hint := _did_you_mean(value, values)) else "")
            )
        answers[key] = chosen
    return answers


def _did_you_mean(typed: str, choices: Sequence[str]) -> str:
    """'did you mean ...? ' for a typo of one of the choices, or ''."""
    shown = typed.casefold()[:60]
    [close] = closest_words([shown], choices)
    return did_you_mean(close) if close in choices else ""


def unanswered(questions: Sequence[Question], answers: dict[str, str]) -> list[Question]:
    """The questions still without an answer."""
    return [question for question in questions if question.key not in answers]


def missing_answers_error(missing: Sequence[Question]) -> UsageError:
    """The usage error listing what is left to answer."""
    listed = "; ".join(f"{q.key} ({'|'.join(o.value for o in q.options)})" for q in missing)
    them = "it" if len(missing) == 1 else "them"
    return UsageError(
        f"{counted(len(missing), 'question')} unanswered: {listed}; answer {them} with "
        "--answer KEY=VALUE"
    )


def collect_answers(
    questions: Sequence[Question],
    given: Sequence[str],
    *,
    terminal: Terminal,
    prompt: bool,
    interests: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every question's answer: given with --answer, or asked when a person is there; with
    `interests` (O*NET's keywords of each), the optional interests question too."""
    answers = parse_answers(given, questions)
    missing = unanswered(questions, answers)
    if missing and not (prompt and terminal.interactive):
        raise missing_answers_error(missing)
    for number, question in enumerate(questions, 1):
        if question.key in answers:
            continue
        try:
            answers[question.key] = ask(question, number, len(questions), terminal)
        except EOFError:
            terminal.stdout.write("\n")
            raise missing_answers_error(unanswered(questions, answers)) from None
    if interests and INTERESTS_KEY not in answers and prompt and terminal.interactive:
        answers[INTERESTS_KEY] = ask_interests(interests, terminal)
    return answers


def _show(terminal: Terminal, lines: Sequence[tuple[str, str, int]]) -> None:
    """Write (marker, text, indent) lines, each text wrapped between words to the screen's
    width, its further lines indented: a terminal would break the words anywhere."""
    import textwrap

    width = max(terminal.width, 20)
    shown = [
        textwrap.fill(
            sanitize(text),
            width,
            initial_indent=marker,
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        or marker.rstrip()
        for marker, text, indent in lines
    ]
    terminal.stdout.write("\n".join(shown) + "\n")


def ask_interests(keywords: dict[str, str], terminal: Terminal) -> str:
    """Ask for up to three interests, each shown with O*NET's keywords; Enter: none."""
    terminal.stdout.write("\n")
    lines = [
        (
            "",
            f"Last, which of these interest you most? Up to {MAX_INTERESTS}, or Enter for none.",
            0,
        )
    ]
    lines += [
        (f"  {name}: ", f"{keywords.get(name.capitalize(), '')} (O*NET's keywords)", 4)
        for name in INTERESTS
    ]
    _show(terminal, lines)
    while True:
        try:
            reply = terminal.read_line("Interests: ")
        except EOFError:
            return ""
        try:
            chosen = parse_interests(reply)
        except UsageError as error:
            terminal.stdout.write(f"{error.message}\n")
            continue
        terminal.stdout.write(f"  -> {chosen.replace(',', ', ') or 'none'}\n")
        return chosen


def choice(question: Question, reply: str) -> str | None:
    """The option a reply means: its number, its value or label, or a unique prefix of one."""
    options = question.options
    reply = reply.strip().casefold()
    if reply.isascii() and reply.isdigit() and 1 <= int(reply) <= len(options):
        return options[int(reply) - 1].value
    for option in options:
        if reply in (option.value.casefold(), option.label.casefold()):
            return option.value
    found = [o.value for o in options if _starts(o, reply)]
    return found[0] if len(found) == 1 else None


def ask(
    question: Question,
    number: int,
    total: int,
    terminal: Terminal,
    read: Callable[[str], str] | None = None,
) -> str:
    """Ask one question until a valid choice is given; Enter takes the default."""
    default = next(
        (n for n, o in enumerate(question.options, 1) if o.value == question.default), None
    )
    terminal.stdout.write("\n")
    head = f"{number}/{total}. "
    lines = [(head, question.text, len(head))]
    markers = [f"  {n}. " for n in range(1, len(question.options) + 1)]
    lines += [(m, o.label, len(m)) for m, o in zip(markers, question.options, strict=True)]
    _show(terminal, lines)
    hint = f" [{default}]" if default else ""
    reader = read or terminal.read_line
    while True:
        reply = reader(f"Choose 1-{len(question.options)}{hint}: ")
        if not reply.strip() and default:
            return question.options[default - 1].value
        chosen = choice(question, reply)
        if chosen is not None:
            label = next(o.label for o in question.options if o.value == chosen)
            _show(terminal, [("  -> ", label, 5)])
            return chosen
        fits = [str(n) for n, o in enumerate(question.options, 1) if _starts(o, reply)]
        if len(fits) > 1:
            terminal.stdout.write(
                f"'{sanitize(reply.strip())}' starts answers {' and '.join(fits)}: "
                "type more of it, or the number.\n"
            )
            continue
        terminal.stdout.write(
            f"Please type a number from 1 to {len(question.options)}, or the start of an answer.\n"
        )


def _starts(option: AnswerOption, reply: str) -> bool:
    """Whether a reply is the start of an option's value or label."""
    reply = reply.strip().casefold()
    return bool(reply) and (
        option.value.casefold().startswith(reply) or option.label.casefold().startswith(reply)
    )
