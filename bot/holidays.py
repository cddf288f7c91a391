"""Public holidays from the `holidays` package, by ISO country code, cached per country and year."""

from __future__ import annotations

import threading
from datetime import date
from functools import lru_cache

import holidays as holidays_package


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    return frozenset(holidays_package.list_supported_countries())


class CountryHolidays:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calendars: dict[tuple[str, int, str], dict[date, str]] = {}

    def supports(self, country: str) -> bool:
        return country.upper() in _supported()

    def holiday_name(self, country: str, day: date, lang: str = "fr") -> str | None:
        return self._calendar(country.upper(), day.year, lang).get(day)

    def _calendar(self, country: str, year: int, lang: str) -> dict[date, str]:
        key = (country, year, lang)
        with self._lock:
            if key not in self._calendars:
                self._calendars[key] = self._load(country, year, lang)
            return self._calendars[key]

    @staticmethod
    def _load(country: str, year: int, lang: str) -> dict[date, str]:
        if country not in _supported():
            return {}
        calendar_class = holidays_package.country_holidays(country, years=[]).__class__
        languages = getattr(calendar_class, "supported_languages", ())
        language = next((code for code in languages if code.split("_")[0] == lang), None)
        calendar = holidays_package.country_holidays(country, years=year, language=language)
        return dict(calendar.items())
