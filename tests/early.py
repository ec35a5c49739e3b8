"""A plugin pytest loads before the others: ``-p tests.early``, as make test and
scripts/notebook_versions.py run it (``python -m pytest`` from the project's
root, which puts the root on sys.path).

jsonschema, which nbformat imports (nbval loads it as the session starts),
checks the JSON Schema format "iri" with ``rfc3987_syntax`` when that is
installed (jupyter-events depends on it), and ``rfc3987_syntax`` compiles a
lark grammar as it is imported: about 1.3 CPU-seconds in each of make test's
seven processes (measured: ``python -c "import jsonschema"`` 1.50 s against
0.02 s for ``python -c pass``). Nothing the tests validate has an "iri";
jsonschema treats the package as optional (``with suppress(ImportError)``
in jsonschema/_format.py), so the tests' processes go without it. Only
them: programs the tests start (JupyterLab, the scripts) are left alone.
"""
import sys

sys.modules.setdefault("rfc3987_syntax", None)  # None: its import raises ImportError

# nbval's kernels, as the tests' own, on IPC (no TCP port to lose to another process)
from tests import kernels  # noqa: E402

kernels.use_for_nbval()
