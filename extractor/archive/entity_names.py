"""Each archive entity's name: the spelling its mentions use most (ties: the first in sort order).

Why a whole-archive step: an entity row is created by whichever document is stored first, and
documents are stored in the order they finish, so "FU Social" or "FU social" depended on which
worker was quicker. Decided from all mentions, the archive is the same however it was filled.
"""
from __future__ import annotations

import sqlite_utils

COMMONEST_NAME = """
    select m.name from mentions m where m.entity_id = entities.id and m.name is not null
    group by m.name order by count(*) desc, m.name limit 1
"""


def settle_entity_names(db: sqlite_utils.Database) -> int:
    """Give every entity its commonest spelling; returns how many names changed."""
    if not {"entities", "mentions"} <= set(db.table_names()):
        return 0
    with db.conn:
        cursor = db.conn.execute(f"update entities set name = ({COMMONEST_NAME}) "
                                 f"where name is not ({COMMONEST_NAME}) and exists "
                                 f"(select 1 from mentions m where m.entity_id = entities.id and m.name is not null)")
    return cursor.rowcount
