"""The demo village builder: Desa Suka Makmur with its register, agents, letters and six months
of field work, for trying, showing and benchmarking the program without real personal data.

Not a use-case of the office: it sits above the services and calls them (and the membership
writer's bulk form) like any front end. `register` builds the residents; the modules named in
`register.DEMO_EXTENSIONS` (agents, fieldwork, reminders) add to it in turn; `names` holds the
word lists.
"""

from pesiar_desktop.demo.register import (
    DEMO_EXTENSIONS,
    DEMO_REGION_CODE,
    DEMO_USERS,
    DemoCounts,
    generate,
)

__all__ = ["DEMO_EXTENSIONS", "DEMO_REGION_CODE", "DEMO_USERS", "DemoCounts", "generate"]
