"""The usage examples in the readers' and the batch's docstrings run."""
import doctest

import pytest

import timeline.batch
import timeline.readers


@pytest.mark.parametrize("module", [timeline.readers, timeline.batch])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
