"""Merging's routing by date (`timeline.distributed.merging.DateRoutes`): a shard holds a run of weeks or months, so
what belongs together (a pair's blocks, a row's candidates) lands in few shards, and none holds much more than
``shard_rows`` rows."""

from __future__ import annotations

import numpy as np

from timeline.distributed.merging import DateRoutes, month_number, month_of, week_of


def test_weeks_share_a_shard_in_date_order_up_to_shard_rows() -> None:
    routes = DateRoutes.plan({10: 4, 11: 5, 12: 3, 13: 8, 14: 2}, shard_rows=10)
    shard = routes.shard(np.array([10, 11, 12, 13, 14]), np.arange(5))
    assert shard.tolist() == [0, 0, 1, 2, 2]  # 4 + 5 rows; 3 (3 + 8 would be 11); 8 + 2
    assert routes.count == 3


def test_a_week_fuller_than_a_shard_is_dealt_among_shards_of_its_own_by_owner() -> None:
    routes = DateRoutes.plan({10: 3, 11: 95, 12: 3}, shard_rows=10)
    owners = np.arange(1_000, 3_000)
    shard = routes.shard(np.full(len(owners), 11), owners)
    assert set(shard.tolist()) == set(range(1, 11))  # ten shards of its own, every one used
    assert np.bincount(shard).max() < 2 * len(owners) / 10  # about evenly
    again = routes.shard(np.full(len(owners), 11), owners)
    assert (shard == again).all()  # an owner's pairs all go to one shard, whichever task files them
    assert routes.shard(np.array([10, 12]), np.array([5, 5])).tolist() == [0, 11]
    assert routes.count == 12


def test_a_week_no_owner_was_counted_in_goes_with_the_week_before() -> None:
    routes = DateRoutes.plan({10: 10, 20: 10}, shard_rows=10)
    assert routes.shard(np.array([9, 10, 15, 20, 25]), np.zeros(5, np.int64)).tolist() == [0, 0, 0, 1, 1]
    assert DateRoutes.plan({}).count == 1


def test_weeks_are_merging_s_iso_weeks() -> None:
    days = np.array([-4, -3, 3, 4, 10, 11])  # Sunday 1969-12-28, Monday 12-29, Sunday 1970-01-04, Monday 01-05, ...
    assert week_of(days).tolist() == [-1, 0, 0, 1, 1, 2]  # weeks from Monday to Sunday


def test_months_are_merging_s_months() -> None:
    assert month_of(np.array([-1, 0, 30, 31, 365])).tolist() == [-1, 0, 0, 1, 12]  # 1969-12-31 ... 1971-01-01
    assert [month_number(m) for m in ("1969-12", "1970-01", "2024-03")] == [-1, 0, 650]
