revision = "ｆｕｌｌ"
down_revision = None
