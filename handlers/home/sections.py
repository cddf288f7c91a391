"""A feature's section of the Home tab: what it reads (a domain source) and how it is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from domain.home.overview import HomeSource
from handlers.blocks.home.messages import Render


@dataclass(frozen=True)
class HomeSection:
    source: HomeSource
    render: Render
