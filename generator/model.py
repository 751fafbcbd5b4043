"""The typed content model: one class per kind of entity, their citations, and their JSON Schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    create_model,
)
from pydantic_core import PydanticCustomError

from generator.dates import JSON_PATTERN, DateError, parse_period
from generator.quotes import ArticleText, Span

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
INFERENCE = "inference"
ANY_KIND = "any"
# Descriptions shared by fields of several kinds (shown by editors, and in docs/curating.md).
NAME = "The name most sources use."
ALIASES = "Other names the sources use."
SUMMARY = "A short account, in your words."
TAGS = "Topics it is filed under."
CITE = "The evidence for each field stating a fact."


def _real_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # the type check reports it
    try:
        parse_period(value)
    except DateError as error:
        raise PydanticCustomError("date", str(error), {"hint": error.hint}) from None
    return value


def _quotes_as_list(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise PydanticCustomError(
        "quote_type", "expected the quoted words as text, or a list of quotes"
    )


# Text must hold something besides white space; a quote, something besides `[...]`.
NOT_BLANK = r"\S"
NOT_BLANK_QUOTE = r"[^\s.\[\]\u2026]"
Text = Annotated[str, StringConstraints(min_length=1, pattern=NOT_BLANK)]
Quote = Annotated[str, StringConstraints(min_length=1, pattern=NOT_BLANK_QUOTE)]
Id = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
# A tag's description: one line of text (white space around it aside), as the tags page shows it.
ONE_LINE = r"^\s*[^\n]*\S\s*$"
DateText = Annotated[
    str,
    BeforeValidator(_real_date),
    # A year is a number to an editor's YAML reader; load keeps it as the text written.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": JSON_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, or an interval START/END of those.",
        }
    ),
]
QuoteList = Annotated[
    list[Quote],
    Field(min_length=1),
    BeforeValidator(_quotes_as_list),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": NOT_BLANK_QUOTE},
                {
                    "type": "array",
                    "items": {"type": "string", "pattern": NOT_BLANK_QUOTE},
                    "minItems": 1,
                },
            ],
            "description": "The exact words of the source: one quote, or a list of quotes.",
        }
    ),
]


class Strict(BaseModel):
    """Shared settings: no unknown fields, no silent type coercion, immutable once checked."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    # Fields whose value is a claim that must be cited (in `cite`, or in the item's own `cite`).
    fact_fields: ClassVar[tuple[str, ...]] = ()
    # Fields that name other entities, and the kinds they may name.
    references: ClassVar[dict[str, tuple[str, ...]]] = {}


class Evidence(BaseModel):
    """What supports one fact: source ids mapped to their exact words, and/or an inference."""

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        frozen=True,
        json_schema_extra={"propertyNames": {"pattern": SLUG_PATTERN}, "minProperties": 1},
    )
    __pydantic_extra__: dict[str, QuoteList] = Field(init=False)

    inference: Text | None = Field(
        default=None,
        description="A curator's inference, with its reason; shown apart from reported fact.",
    )

    def quotes(self) -> tuple[tuple[str, str], ...]:
        """(source id, quote) pairs in the order the curator wrote them."""
        extra = self.__pydantic_extra__ or {}
        return tuple((source, quote) for source, quotes in extra.items() for quote in quotes)

    def sources(self) -> tuple[str, ...]:
        return tuple(self.__pydantic_extra__ or {})


def _cite_model(name: str, fields: tuple[str, ...]) -> type[BaseModel]:
    """The `cite` mapping of one kind: one optional Evidence per fact-bearing field."""
    definitions: dict[str, Any] = {field: (Evidence | None, None) for field in fields}
    return create_model(
        name,
        __config__=ConfigDict(extra="forbid", strict=True, frozen=True),
        **definitions,
    )


PERSON_FACTS = ("name", "aliases", "epithets", "country", "summary")
ORGANIZATION_FACTS = ("name", "aliases", "country", "parent", "summary")
PLACE_FACTS = ("name", "aliases", "within", "summary")
MEETING_FACTS = (
    "name", "aliases", "date", "place", "participants", "purpose", "follows", "part_of",
    "summary", "outcome",
)  # fmt: skip
COMMITMENT_FACTS = ("by", "to", "made_at", "date", "terms", "deadline")
STATEMENT_FACTS = ("speaker", "date", "medium", "text", "at")
FACT_FACTS = ("claim", "according_to", "date")

PersonCite = _cite_model("PersonCite", PERSON_FACTS)
OrganizationCite = _cite_model("OrganizationCite", ORGANIZATION_FACTS)
PlaceCite = _cite_model("PlaceCite", PLACE_FACTS)
MeetingCite = _cite_model("MeetingCite", MEETING_FACTS)
CommitmentCite = _cite_model("CommitmentCite", COMMITMENT_FACTS)
StatementCite = _cite_model("StatementCite", STATEMENT_FACTS)
FactCite = _cite_model("FactCite", FACT_FACTS)


class Role(Strict):
    """A position a person holds, e.g. special representative for North Korea."""

    title: Text = Field(description="The position, as the sources name it.")
    organization: Id | None = Field(default=None, description="The organization it belongs to.")
    start: DateText | None = Field(default=None, description="When they took it up.")
    end: DateText | None = Field(default=None, description="When they left it.")
    cite: Evidence = Field(description="The evidence for the role.")
    references: ClassVar[dict[str, tuple[str, ...]]] = {"organization": ("organizations",)}


# "proposed": asked for or under discussion, not agreed; "stated": announced as an intention.
CommitmentStatus = Literal[
    "proposed", "stated", "pledged", "in-progress", "stalled", "kept", "partly-kept", "broken",
    "withdrawn",
]  # fmt: skip


class StatusChange(Strict):
    """A commitment's status as of a date, with the evidence for it."""

    date: DateText = Field(
        description="When the commitment stood so: YYYY, YYYY-MM, YYYY-MM-DD or START/END."
    )
    status: CommitmentStatus = Field(
        description="`proposed`: asked for, not agreed; `stated`: announced as an intention."
    )
    note: Text | None = Field(default=None, description="What happened, in your words.")
    cite: Evidence = Field(description="The evidence for this status.")


# "proposed": asked for or under discussion, not agreed; "scheduled": agreed or announced.
MeetingStatus = Literal["proposed", "scheduled", "held", "postponed", "cancelled"]


class MeetingStatusChange(Strict):
    """A meeting's status as of a date: announced on one, held or called off on another."""

    date: DateText = Field(
        description="When it came to stand so: the day it was announced, scheduled, held, "
        "postponed or cancelled (YYYY, YYYY-MM, YYYY-MM-DD or START/END)."
    )
    status: MeetingStatus = Field(
        description="`proposed`: not agreed yet; `scheduled`: agreed or announced for its date."
    )
    note: Text | None = Field(default=None, description="What happened, in your words.")
    cite: Evidence = Field(description="The evidence for this status.")


class EarlierValue(Strict):
    """A value a field held in earlier reports, kept, cited and marked superseded when a later
    source replaced it."""

    field: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] = Field(
        description="The field it was the value of, e.g. `place`."
    )
    value: Text = Field(
        description="The earlier value, written as the field is: an id, a date or text."
    )
    superseded_by: Id = Field(
        description="The source that replaced it; the field's own citation must cite it."
    )
    reason: Text | None = Field(
        default=None, description="Why it no longer holds, in your words (e.g. a later report)."
    )
    cite: Evidence = Field(description="The evidence that it was once reported.")


EARLIER = "Values of its fields that later sources replaced, each cited and marked superseded."


class Source(Strict):
    """An archived article; its text is `seeds/<id>.txt`."""

    name: Text = Field(description="The headline as published.")
    also_titled: list[Text] = Field(default=[], description="Other headlines it ran under.")
    publisher: Text = Field(description="Who published it.")
    section: Text | None = Field(default=None, description="The section it appeared in.")
    published: DateText = Field(description="The day it was published: YYYY-MM-DD.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$")] = Field(
        description="Its web address (http or https)."
    )
    boilerplate: list[Text] = Field(
        default=[], description="Passages of the text that carry no fact (ads, credits)."
    )


class Person(Strict):
    """A person who acts or speaks in the story."""

    name: Text = Field(description=NAME)
    aliases: list[Text] = Field(default=[], description=ALIASES)
    epithets: list[Text] = Field(default=[], description="Names others call them, e.g. insults.")
    country: Id | None = Field(default=None, description="The country they act for.")
    roles: list[Role] = Field(default=[], description="Positions they hold.")
    summary: Text | None = Field(default=None, description=SUMMARY)
    earlier: list[EarlierValue] = Field(default=[], description=EARLIER)
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: PersonCite = Field(default_factory=PersonCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = PERSON_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {"country": ("organizations", "places")}


class Organization(Strict):
    """A country, government, agency or other body that acts in the story."""

    name: Text = Field(description=NAME)
    aliases: list[Text] = Field(default=[], description=ALIASES)
    kind: Literal["country", "government", "agency", "office", "military", "media", "other"] = (
        Field(description="What sort of body it is.")
    )
    country: Id | None = Field(default=None, description="The country it belongs to.")
    parent: Id | None = Field(default=None, description="The organization it is part of.")
    summary: Text | None = Field(default=None, description=SUMMARY)
    earlier: list[EarlierValue] = Field(default=[], description=EARLIER)
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: OrganizationCite = Field(default_factory=OrganizationCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = ORGANIZATION_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "country": ("organizations", "places"),
        "parent": ("organizations",),
    }


class Place(Strict):
    """Where things happen: a city, a country, a venue."""

    name: Text = Field(description=NAME)
    aliases: list[Text] = Field(default=[], description=ALIASES)
    kind: Literal["city", "country", "island", "region", "venue", "unspecified"] = Field(
        description="What sort of place it is."
    )
    within: Id | None = Field(default=None, description="The place or country it lies in.")
    summary: Text | None = Field(default=None, description=SUMMARY)
    earlier: list[EarlierValue] = Field(default=[], description=EARLIER)
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: PlaceCite = Field(default_factory=PlaceCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = PLACE_FACTS
    # A country is an organization when it acts (North Korea) and a place when it is only
    # where things happen (Vietnam); either can contain a place.
    references: ClassVar[dict[str, tuple[str, ...]]] = {"within": ("places", "organizations")}


class Meeting(Strict):
    """A summit, talks, an address: people meeting or speaking at a time and place."""

    name: Text = Field(description=NAME)
    aliases: list[Text] = Field(default=[], description=ALIASES)
    kind: Literal["summit", "talks", "meeting", "press-conference", "address", "visit", "other"] = (
        Field(description="What sort of meeting it is.")
    )
    date: DateText | None = Field(default=None, description="When it takes or took place.")
    place: Id | None = Field(default=None, description="Where.")
    participants: list[Id] = Field(default=[], description="Who takes part.")
    status_history: list[MeetingStatusChange] = Field(
        min_length=1,
        description="Its status over time: an entry for each report, the newest the status now.",
    )
    purpose: Text | None = Field(default=None, description="What it is meant to achieve.")
    follows: Id | None = Field(default=None, description="The earlier meeting it follows on.")
    part_of: Id | None = Field(default=None, description="The larger meeting it is part of.")
    summary: Text | None = Field(default=None, description=SUMMARY)
    outcome: Text | None = Field(
        default=None, description="How it ended, in your words: what was agreed, or nothing."
    )
    earlier: list[EarlierValue] = Field(default=[], description=EARLIER)
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: MeetingCite = Field(default_factory=MeetingCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = MEETING_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "place": ("places",),
        "participants": ("people", "organizations"),
        "follows": ("meetings",),
        "part_of": ("meetings",),
    }


class Commitment(Strict):
    """A promise made by some to others, and how it has fared."""

    name: Text = Field(description="A short label for the commitment (not itself cited).")
    by: list[Id] = Field(description="Who made it.")
    to: list[Id] = Field(default=[], description="To whom.")
    made_at: Id | None = Field(default=None, description="The meeting where it was made.")
    date: DateText | None = Field(default=None, description="When it was made.")
    terms: Text = Field(description="What was promised.")
    deadline: DateText | None = Field(
        default=None, description="The last day by which it was to be kept, if the terms set one."
    )
    status_history: list[StatusChange] = Field(
        min_length=1, description="Its status over time: an entry for each report."
    )
    earlier: list[EarlierValue] = Field(default=[], description=EARLIER)
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: CommitmentCite = Field(default_factory=CommitmentCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = COMMITMENT_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "by": ("people", "organizations"),
        "to": ("people", "organizations"),
        "made_at": ("meetings",),
    }


class Statement(Strict):
    """Words someone said or wrote: quoted verbatim, or as an article reports them."""

    speaker: Id = Field(description="Who said it.")
    date: DateText | None = Field(default=None, description="When.")
    medium: Literal[
        "tweet", "remarks", "statement", "release", "address", "interview", "press-conference",
        "other",
    ] = Field(description="How it was said.")  # fmt: skip
    text: Text = Field(
        description="The article's exact words: the speaker's own, or the article's report of "
        "them if `reported`; `[...]` marks words left out."
    )
    reported: bool = Field(
        default=False,
        description="`true` if `text` is the article's report of what was said (reported "
        "speech), not the speaker's own words: shown without quotation marks.",
    )
    about: list[Id] = Field(default=[], description="What it is about.")
    at: Id | None = Field(default=None, description="The meeting where it was said.")
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: StatementCite = Field(default_factory=StatementCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = STATEMENT_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "speaker": ("people", "organizations"),
        "about": (ANY_KIND,),
        "at": ("meetings",),
    }


class Fact(Strict):
    """A claim about one or more entities that fits no field of theirs."""

    claim: Text = Field(description="The claim, in your words, no stronger than the quotes.")
    about: list[Id] = Field(min_length=1, description="What it is about.")
    according_to: list[Id] = Field(
        default=[],
        description="Whose account it is, when the source gives the claim as theirs.",
    )
    date: DateText | None = Field(default=None, description="When it happened.")
    # A relation between claims, not a claim of its own: each side carries its own citations.
    disputes: list[Id] = Field(
        default=[],
        description="The facts or statements it contradicts; shown together on the pages.",
    )
    tags: list[Id] = Field(default=[], description=TAGS)
    cite: FactCite = Field(default_factory=FactCite, description=CITE)  # type: ignore[valid-type]
    fact_fields: ClassVar[tuple[str, ...]] = FACT_FACTS
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "about": (ANY_KIND,),
        "according_to": ("people", "organizations"),
        "disputes": ("facts", "statements"),
    }


M = TypeVar("M", bound=Strict)
# A path into an entity's fields, as in a validation error: ("roles", 0, "cite").
Where = tuple[str | int, ...]


@cache
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    # Asked of every entity while checking: pydantic's model_fields is a property, rebuilt per ask.
    return tuple(model.model_fields)


def _list_of_models(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return any(isinstance(a, type) and issubclass(a, Strict) for a in get_args(annotation))
    if get_origin(annotation) in (Union, UnionType):
        return any(_list_of_models(argument) for argument in get_args(annotation))
    return False


@cache
def _item_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields that hold lists of other models (a person's roles, a commitment's history):
    `list[Model]`, optionally `| None`, the only shapes the models use. A field holding models
    in another shape must be added here, or its citations and references go unchecked."""
    return tuple(
        name for name, info in model.model_fields.items() if _list_of_models(info.annotation)
    )


def evidence_in(entity: Strict, where: Where = ()) -> Iterator[tuple[Where, Evidence]]:
    """Every citation in an entity, with its path: the `cite` fields, then items' own `cite`."""
    cite = getattr(entity, "cite", None)
    if isinstance(cite, Evidence):
        yield (*where, "cite"), cite
    elif isinstance(cite, BaseModel):
        for field in _field_names(type(cite)):
            evidence = getattr(cite, field)
            if evidence is not None:
                yield (*where, "cite", field), evidence
    for field in _item_fields(type(entity)):
        for index, item in enumerate(getattr(entity, field) or ()):
            yield from evidence_in(item, (*where, field, index))


def references_in(
    entity: Strict, where: Where = ()
) -> Iterator[tuple[Where, str, tuple[str, ...]]]:
    """Every id an entity names, with its path and the kinds it may name."""
    for field, kinds in type(entity).references.items():
        value = getattr(entity, field)
        if isinstance(value, str):
            yield (*where, field), value, kinds
        elif isinstance(value, list):
            for index, target in enumerate(value):
                yield (*where, field, index), target, kinds
    for field in _item_fields(type(entity)):
        for index, item in enumerate(getattr(entity, field) or ()):
            yield from references_in(item, (*where, field, index))
    # An earlier value of a field naming an entity names one of the same kinds.
    for index, earlier in enumerate(getattr(entity, "earlier", ())):
        if earlier.field in type(entity).references:
            kinds = type(entity).references[earlier.field]
            yield (*where, "earlier", index, "value"), earlier.value, kinds


# Folder name (the kind) -> model; the order is the order of the site's sections.
KINDS: dict[str, type[Strict]] = {
    "people": Person,
    "meetings": Meeting,
    "commitments": Commitment,
    "statements": Statement,
    "organizations": Organization,
    "places": Place,
    "facts": Fact,
    "sources": Source,
}
SINGULAR = {
    "people": "person",
    "meetings": "meeting",
    "commitments": "commitment",
    "statements": "statement",
    "organizations": "organization",
    "places": "place",
    "facts": "fact",
    "sources": "source",
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per kind, and one for content/tags.yml, keyed by file name, for editors'
    autocompletion."""
    schemas = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Briefing {SINGULAR[kind]}"
        schemas[f"{SINGULAR[kind]}.schema.json"] = schema
    schemas["tags.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Briefing tags",
        "description": "content/tags.yml: each tag entities may carry, and what it covers.",
        "type": "object",
        "propertyNames": {"pattern": SLUG_PATTERN},
        "additionalProperties": {
            "type": "string",
            "pattern": ONE_LINE,
            "description": "What the tag covers, in one line; shown on the tags page.",
        },
    }
    return schemas


@dataclass(frozen=True)
class Corpus:
    """The checked corpus: valid entities by kind and id, the article texts, and where every
    cited quote sits in its article."""

    entities: dict[str, dict[str, Strict]]
    texts: dict[str, ArticleText]
    spans: dict[tuple[str, str], tuple[Span, ...]]
    files: dict[str, str]
    kinds: dict[str, str]
    # The declared tags (content/tags.yml), each with what it covers.
    tags: dict[str, str]

    def kind_of(self, entity_id: str) -> str | None:
        return self.kinds.get(entity_id)

    def get(self, entity_id: str) -> Strict | None:
        kind = self.kind_of(entity_id)
        return self.entities[kind][entity_id] if kind else None

    def of(self, kind: str, model: type[M]) -> dict[str, M]:
        """The entities of one kind, typed as that kind's model."""
        # The checker put only `model` instances under `kind`; not re-verified on every call.
        return self.entities.get(kind, {})  # type: ignore[return-value]
