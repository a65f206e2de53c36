# Sourced by the scripts: picks the Python environment the package goes into.
#
# - an active virtual environment ($VIRTUAL_ENV) is used as it is;
# - otherwise python3, unless its installation is marked externally managed
#   (PEP 668, as Debian's own python3 is), in which case a virtual
#   environment .venv in the source tree is created and used.
# Sets PY (the interpreter to use) and prints where the package goes.

digest_pick_python() {
  local root=$1
  if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
    PY="$VIRTUAL_ENV/bin/python"
  elif [ -x "$root/.venv/bin/python" ]; then
    PY="$root/.venv/bin/python"
  else
    local managed
    managed=$(python3 -c 'import sysconfig, os; print(os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))')
    if [ "$managed" = "True" ]; then
      echo "scripts: python3 is externally managed; using a virtual environment in $root/.venv"
      python3 -m venv "$root/.venv"
      PY="$root/.venv/bin/python"
    else
      PY=$(command -v python3)
    fi
  fi
  export PY
  echo "scripts: Python package goes to $("$PY" -c 'import sys; print(sys.prefix)')"
}
