"""Alembic environment of the bookshop demo (online and offline modes)."""
from logging.config import fileConfig

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = None


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or ""


def _configure_options() -> dict:
    """Options shared by both modes: version table name / schema, batch mode on SQLite."""
    options = {"target_metadata": target_metadata}
    version_table = config.get_main_option("version_table")
    if version_table:
        options["version_table"] = version_table
    version_table_schema = config.get_main_option("version_table_schema")
    if version_table_schema:
        options["version_table_schema"] = version_table_schema
    if _url().startswith("sqlite"):
        options["render_as_batch"] = True
    return options


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it."""
    context.configure(
        url=_url(),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_configure_options(),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against a live connection."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, **_configure_options())
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
