"""Importing files villages already have: residents, BPJS membership lists, welfare lists.

Every import is two steps. `preview_*` reads the file and compares it with the
register without writing anything: counts of new / updated / unchanged /
rejected rows, an Indonesian reason per rejected row and per warning, and the
changes that need a person's confirmation (moving someone to another family
or dusun, or changing their life status). `commit_*` then writes in ONE
transaction, with the set of confirmed changes; unconfirmed ones are left as
they are and reported. Both take `progress(done, total)` and
`should_cancel()` so a GUI worker can drive them; cancelling raises
`ImportCancelled` inside the transaction, so nothing is written.

The bulk paths use preloaded lookups (NIK -> row, No KK -> family) and set-based
writes (`services.bulk_sql`), not an ORM round trip per row, so 100,000 rows stay
within a few seconds. Importing the same file twice changes nothing the
second time.

Modules: `mappings` (saved column mappings), `batches` (the import history),
`resident_preview` / `resident_plan` / `resident_commit` (resident files: read,
plan against the register, write), `bpjs`, `welfare` (the two lists), `report`
(the rejected-rows workbook), `origin` (a file that seems to be another village's),
`resident_rows` (the preview's list of rows). Reading the files themselves is `importers/`' job.
This package exposes what the CLI and the window call.
"""

from pesiar_desktop.services.imports.batches import BatchRow, list_batches
from pesiar_desktop.services.imports.bpjs import BpjsPreview, commit_bpjs, preview_bpjs
from pesiar_desktop.services.imports.common import ImportCancelled, ImportResult, release_frozen
from pesiar_desktop.services.imports.mappings import get_mapping, list_mappings, save_mapping
from pesiar_desktop.services.imports.origin import ORIGIN_KEY, OriginCheck
from pesiar_desktop.services.imports.report import write_report
from pesiar_desktop.services.imports.resident_commit import commit_residents
from pesiar_desktop.services.imports.resident_plan import PENDING_LABELS, PendingChange
from pesiar_desktop.services.imports.resident_preview import (
    ROW_LIMIT,
    ResidentPreview,
    preview_residents,
    replan_residents,
)
from pesiar_desktop.services.imports.resident_rows import RowChange
from pesiar_desktop.services.imports.welfare import WelfarePreview, commit_welfare, preview_welfare

__all__ = [
    "ORIGIN_KEY",
    "ROW_LIMIT",
    "OriginCheck",
    "RowChange",
    "PENDING_LABELS",
    "BatchRow",
    "BpjsPreview",
    "ImportCancelled",
    "ImportResult",
    "PendingChange",
    "ResidentPreview",
    "WelfarePreview",
    "commit_bpjs",
    "commit_residents",
    "commit_welfare",
    "get_mapping",
    "list_batches",
    "list_mappings",
    "preview_bpjs",
    "preview_residents",
    "preview_welfare",
    "release_frozen",
    "replan_residents",
    "save_mapping",
    "write_report",
]
