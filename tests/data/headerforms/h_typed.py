from typing import Sequence, Union
revision: str = "r1"
down_revision: Union[str, None] = "p"
branch_labels: Union[str, Sequence[str], None] = ("x",)
depends_on: str | None = None
