"""The access matrix's rows of the social map and the partner network (``network:``), in a
module of their own so that they run beside the other rows; the table, the world and the check
are those of ``tests/test_access_matrix.py``."""

import pytest

from tests.test_access_matrix import built_world, check_row, rows, world  # noqa: F401 (fixtures)


@pytest.mark.parametrize("name", rows(network=True))
def test_access_matrix(world, name):  # noqa: F811 (the fixture imported above)
    check_row(world, name)
