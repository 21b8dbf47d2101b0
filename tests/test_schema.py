"""The schema: every column documented with its dtype; dates hold any day from year 1 to 9999."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest

from timeline import schema

FAR_DAYS = [dt.date(1, 1, 1), dt.date(1650, 6, 1), dt.date(2262, 1, 1), dt.date(9000, 1, 1), dt.date(9999, 12, 31)]


def row(**values: object) -> dict[str, object]:
    """One complete row, its fields defaulted, for frames built by hand."""
    base: dict[str, object] = {name: "" for name in schema.COLUMNS}
    base.update({"published": schema.day(dt.date(2025, 2, 12)), "start": schema.day(dt.date(2025, 2, 10)),
                 "end": schema.day(dt.date(2025, 2, 10)), "sentence_start": 0, "timex_start": 0, "timex_end": 6,
                 "actors": [], "places": [], "n_sources": 1, "role": "event"})
    base.update(values)
    return base


def test_every_column_has_a_dtype_and_a_meaning() -> None:
    for name, (dtype, meaning) in schema.EVENT_COLUMNS.items():
        assert dtype and len(meaning) > 10, name
    assert schema.DATE_COLUMNS == ("published", "start", "end")
    assert all(schema.EVENT_COLUMNS[name][0] == "datetime64[s]" for name in schema.DATE_COLUMNS)
    assert schema.LIST_COLUMNS == ("actors", "people", "places")
    assert schema.ROLES == ("event", "reference") and {"role", "role_reason"} <= set(schema.COLUMNS)


def test_the_empty_table_has_every_dtype_lists_included() -> None:
    empty = schema.empty_events()
    assert list(empty.columns) == schema.COLUMNS and empty.empty
    for name, (dtype, _) in schema.EVENT_COLUMNS.items():
        assert str(empty[name].dtype) == dtype, name
    assert empty["actors"].dtype == object and empty["places"].dtype == object  # not float


@pytest.mark.parametrize("day", FAR_DAYS)
def test_a_day_is_stored_in_seconds_for_any_year(day: dt.date) -> None:
    stored = schema.day(day)
    assert stored.unit == "s" and stored.date() == day


def test_conform_keeps_days_outside_the_nanosecond_range() -> None:
    frame = pd.DataFrame([row(start=schema.day(d), end=schema.day(d), published=schema.day(d)) for d in FAR_DAYS])
    table = schema.conform(frame)
    assert [d.date() for d in table["start"]] == FAR_DAYS
    assert str(table["start"].dtype) == "datetime64[s]" and str(table["published"].dtype) == "datetime64[s]"
    assert table["actors"].tolist() == [[]] * len(FAR_DAYS)


def test_conform_accepts_a_nanosecond_table_and_fails_loudly_on_a_missing_column() -> None:
    frame = pd.DataFrame([row()])
    frame["start"] = frame["start"].astype("datetime64[ns]")  # what pandas makes by default
    assert str(schema.conform(frame)["start"].dtype) == "datetime64[s]"
    with pytest.raises(ValueError, match="role"):
        schema.conform(frame.drop(columns=["role"]))


def test_what_consumers_rely_on_works_for_years_1_to_9999() -> None:
    """The operations the chart, the filters and the exports use, on the schema's dtype."""
    days = pd.Series([np.datetime64(d, "s") for d in reversed(FAR_DAYS)]).astype(schema.DATE_DTYPE)
    assert str(days.dtype) == "datetime64[s]"
    assert days.sort_values().dt.date.tolist() == FAR_DAYS
    assert days.dt.year.tolist() == [9999, 9000, 2262, 1650, 1]
    assert days.dt.strftime("%Y-%m-%d").tolist()[-1] == "0001-01-01"  # padded, ISO
    assert (days >= pd.Timestamp(dt.date(1650, 1, 1))).tolist() == [True, True, True, True, False]
    assert ((days + pd.Timedelta(days=1)) - days).dt.days.tolist() == [1] * 5
    parquet = io.BytesIO()
    pd.DataFrame({"d": days}).to_parquet(parquet)
    back = pd.read_parquet(io.BytesIO(parquet.getvalue()))["d"].astype(schema.DATE_DTYPE)  # Parquet keeps ms
    pd.testing.assert_series_equal(back, days, check_names=False)
