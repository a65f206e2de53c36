"""Checks over the whole public API of digestcore: every callable has a
signature that inspect can read and a docstring, every property a docstring,
no name shadows a builtin, and file errors are the builtin OSErrors.

The walk covers what `dir()` lists on the module and on each class defined
by digestcore (dunders skipped, except __init__). Each test collects every
offender and fails once with the whole list."""

import builtins
import inspect
import types

import pytest

import digestcore

# Members a class inherits from Python itself (tuple.count, object.__init__,
# BaseException.with_traceback) are Python's to document, not ours.
OURS = ("digestcore",)


def own_classes():
    for name in sorted(dir(digestcore)):
        obj = getattr(digestcore, name)
        if not name.startswith("_") and isinstance(obj, type):
            yield name, obj


def members(cls):
    """(name, raw attribute) of each public member digestcore defines on cls
    or on one of its digestcore bases, plus __init__ when defined."""
    seen = set()
    for base in cls.__mro__:
        if not base.__module__.startswith(OURS):
            continue
        for name, raw in vars(base).items():
            if name in seen or (name.startswith("__") and name != "__init__"):
                continue
            if name.startswith("_") and not name.startswith("__") and name != "_repr_html_":
                continue
            seen.add(name)
            yield name, raw


def constructible(cls):
    """A class you can call: one with its own __init__ (pybind11) or __new__
    (struct sequences). Others (DateMatch, Attribution, ...) only come out of
    digestcore's functions; calling them raises TypeError."""
    for base in cls.__mro__:
        if not base.__module__.startswith(OURS):
            continue
        init = vars(base).get("__init__")
        # pybind11 gives a class without a constructor a slot wrapper that raises
        if (init is not None and not isinstance(init, types.WrapperDescriptorType)) or (
                "__new__" in vars(base)):
            return True
    return False


def is_exception(cls):
    return issubclass(cls, BaseException)


def signature_problem(obj):
    try:
        inspect.signature(obj)
    except (ValueError, TypeError) as e:
        return f"no signature ({e})"
    doc = obj.__doc__ or ""
    if not doc.strip():
        return "no docstring"
    if "\n--\n\n" in doc:
        return "docstring still holds its text signature (DG_SIG name mismatch?)"
    return None


def test_every_function_has_a_signature_and_a_docstring():
    bad = []
    for name in sorted(dir(digestcore)):
        obj = getattr(digestcore, name)
        if name.startswith("_") or isinstance(obj, type) or not callable(obj):
            continue
        problem = signature_problem(obj)
        if problem:
            bad.append(f"{name}: {problem}")
    assert not bad, "\n" + "\n".join(bad)


def test_every_class_has_a_docstring_and_constructors_a_signature():
    bad = []
    for name, cls in own_classes():
        if not (cls.__doc__ or "").strip():
            bad.append(f"{name}: no docstring")
        if is_exception(cls):
            continue  # exceptions take the message, like every exception
        if constructible(cls):
            try:
                inspect.signature(cls)
            except (ValueError, TypeError) as e:
                bad.append(f"{name}: no signature ({e})")
        else:
            try:
                cls()
            except TypeError:
                pass
            else:
                bad.append(f"{name}: constructible but has no constructor signature")
    assert not bad, "\n" + "\n".join(bad)


def test_every_method_has_a_signature_and_a_docstring():
    bad = []
    for cname, cls in own_classes():
        if is_exception(cls):
            continue
        for name, raw in members(cls):
            if isinstance(raw, (property, types.MemberDescriptorType, types.GetSetDescriptorType)):
                continue
            obj = getattr(cls, name)
            if not callable(obj):
                continue
            if name == "__init__" and not constructible(cls):
                continue
            problem = signature_problem(obj)
            if problem:
                bad.append(f"{cname}.{name}: {problem}")
                continue
            params = list(inspect.signature(obj).parameters)
            static = isinstance(raw, (staticmethod, classmethod))
            if not static and (not params or params[0] != "self"):
                bad.append(f"{cname}.{name}: a method whose signature does not start with self")
            if static and params and params[0] == "self":
                bad.append(f"{cname}.{name}: a static method whose signature starts with self")
    assert not bad, "\n" + "\n".join(bad)


def test_every_property_has_a_docstring():
    bad = []
    for cname, cls in own_classes():
        if is_exception(cls):
            continue
        for name, raw in members(cls):
            if isinstance(raw, (property, types.MemberDescriptorType, types.GetSetDescriptorType)):
                if not (raw.__doc__ or "").strip():
                    bad.append(f"{cname}.{name}")
    assert not bad, "\n" + "\n".join(bad)


def test_no_public_name_shadows_a_builtin():
    public = {n for n in dir(digestcore) if not n.startswith("_")}
    assert public & set(dir(builtins)) == set()


@pytest.mark.parametrize(
    "load", [digestcore.SourceRegistry.load, digestcore.Gazetteer.load],
    ids=["SourceRegistry.load", "Gazetteer.load"])
def test_file_errors_are_oserrors(load, tmp_path):
    missing = tmp_path / "no such folder" / "sources.json"
    with pytest.raises(FileNotFoundError) as e:
        load(missing)
    assert isinstance(e.value, digestcore.MissingFileError)
    assert isinstance(e.value, digestcore.FileError) and isinstance(e.value, digestcore.Error)
    assert e.value.filename == str(missing)
    # A folder is not a missing file: another OSError.
    with pytest.raises(OSError) as e:
        load(tmp_path)
    assert isinstance(e.value, digestcore.FileError)
    assert not isinstance(e.value, FileNotFoundError)
    assert e.value.filename == str(tmp_path)
