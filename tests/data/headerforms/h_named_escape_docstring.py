"""Add \N{BULLET} items

Revision ID: r1
"""
revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
