#!/usr/bin/env python3
"""Runs the composite action (action.yml) the way the GitHub runner does, without GitHub and without network.

1. Validates action.yml against the action metadata rules (keys, inputs, outputs, composite steps, ids, branding,
   and that every `${{ inputs.* }}` / `steps.*` names something declared earlier).
2. Runs its steps in order in a workspace folder: `${{ }}` expressions evaluated against a simulated context,
   `if:` conditions honoured, each `run:` step written to a file and started as `bash --noprofile --norc -eo pipefail`
   with GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH files, step `env`, and the runner variables. `uses:` steps are
   simulated: actions/cache reports a hit when the binary is in place (--binary puts one there), and
   upload-sarif checks that the file it would upload is SARIF 2.1.0.

Usage: test-action.py --workspace DIR [--action-path DIR] [--binary FILE] [--base-ref REF] [--input NAME=VALUE]...
Prints one line per step and `result: success|failure`; exits 0 on success, 1 on failure, 2 on invalid metadata.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TOP_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
STEP_KEYS = {"id", "name", "if", "run", "shell", "uses", "with", "env", "working-directory", "continue-on-error"}
COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def validate(action):
    problems = []
    for key in action:
        if key not in TOP_KEYS:
            problems.append(f"unknown top-level key `{key}`")
    for key in ("name", "description", "runs"):
        if key not in action:
            problems.append(f"`{key}` is required")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not ID.match(name):
            problems.append(f"input id `{name}` is not a valid id")
        if not isinstance(spec, dict) or "description" not in spec:
            problems.append(f"input `{name}` needs a description")
            continue
        problems += [f"input `{name}`: unknown key `{k}`" for k in spec if k not in INPUT_KEYS]
        if "default" in spec and not isinstance(spec["default"], str):
            problems.append(f"input `{name}`: default must be a string")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append("runs.using must be `composite`")
    steps = runs.get("steps") or []
    if not steps:
        problems.append("a composite action needs runs.steps")
    seen_ids = []
    for index, step in enumerate(steps):
        label = step.get("name") or f"step {index + 1}"
        problems += [f"{label}: unknown key `{k}`" for k in step if k not in STEP_KEYS]
        if ("run" in step) == ("uses" in step):
            problems.append(f"{label}: exactly one of `run` and `uses`")
        if "run" in step and "shell" not in step:
            problems.append(f"{label}: composite `run` steps need `shell`")
        if "uses" in step and not re.match(r"^[\w.-]+/[\w./-]+@[\w.-]+$|^\./", step["uses"]):
            problems.append(f"{label}: `uses` must be owner/repo@ref or a local path")
        if "id" in step:
            if not ID.match(step["id"]) or step["id"] in seen_ids:
                problems.append(f"{label}: id `{step['id']}` is invalid or repeated")
        text = yaml.safe_dump(step)
        for expression in EXPRESSION.findall(text) + ([step["if"]] if "if" in step else []):
            for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expression):
                if name not in inputs:
                    problems.append(f"{label}: `inputs.{name}` is not declared")
            for name in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.", expression):
                if name not in seen_ids:
                    problems.append(f"{label}: `steps.{name}` is not an earlier step's id")
        if "id" in step:
            seen_ids.append(step["id"])
    for name, spec in (action.get("outputs") or {}).items():
        if not isinstance(spec, dict) or "value" not in spec or "description" not in spec:
            problems.append(f"composite output `{name}` needs a description and a value")
        else:
            for step_id in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.", spec["value"]):
                if step_id not in seen_ids:
                    problems.append(f"output `{name}`: `steps.{step_id}` is not a step id")
    branding = action.get("branding")
    if branding is not None and branding.get("color") not in COLORS:
        problems.append("branding.color is not one GitHub accepts")
    return problems


class Context:
    """The expression contexts a composite action sees, and a small evaluator for the operators it uses."""

    def __init__(self, inputs, github, runner):
        self.inputs, self.github, self.runner = inputs, github, runner
        self.steps = {}
        self.failed = False

    def lookup(self, path):
        parts = path.split(".")
        if parts[0] == "inputs":
            return self.inputs.get(parts[1], "")
        if parts[0] == "github":
            return self.github.get(parts[1], "")
        if parts[0] == "runner":
            return self.runner.get(parts[1], "")
        if parts[0] == "steps" and len(parts) == 4 and parts[2] in ("outputs", "outcome"):
            return self.steps.get(parts[1], {}).get(parts[3], "")
        raise ValueError(f"unsupported context `{path}`")

    def evaluate(self, expression):
        tokens = re.findall(r"'[^']*'|\|\||&&|==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?", expression)
        position = 0

        def peek():
            return tokens[position] if position < len(tokens) else None

        def take():
            nonlocal position
            position += 1
            return tokens[position - 1]

        def primary():
            token = take()
            if token == "(":
                value = disjunction()
                take()
                return value
            if token == "!":
                return not truthy(primary())
            if token.startswith("'"):
                return token[1:-1]
            if token == "always()":
                return True
            if token == "success()":
                return not self.failed
            if token == "failure()":
                return self.failed
            if token in ("true", "false"):
                return token == "true"
            return self.lookup(token)

        def comparison():
            left = primary()
            while peek() in ("==", "!="):
                operator, right = take(), primary()
                left = (str(left).lower() == str(right).lower()) == (operator == "==")
            return left

        def conjunction():
            left = comparison()
            while peek() == "&&":
                take()
                right = comparison()
                left = right if truthy(left) else left
            return left

        def disjunction():
            left = conjunction()
            while peek() == "||":
                take()
                right = conjunction()
                left = left if truthy(left) else right
            return left

        return disjunction()

    def substitute(self, text):
        return EXPRESSION.sub(lambda m: str(self.evaluate(m.group(1)) if self.evaluate(m.group(1)) is not None else ""), text)

    def condition(self, step):
        if "if" not in step:
            return not self.failed
        expression = step["if"]
        match = EXPRESSION.fullmatch(expression.strip())
        value = self.evaluate(match.group(1) if match else expression)
        # A condition without a status function implies success().
        if not any(f in expression for f in ("always()", "failure()", "success()", "cancelled()")):
            value = truthy(value) and not self.failed
        return truthy(value)


def truthy(value):
    return value not in (None, "", False, 0, "false")


def read_outputs(path):
    outputs, lines, index = {}, open(path).read().split("\n"), 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and "=" not in line.split("<<")[0]:
            name, delimiter = line.split("<<", 1)
            index += 1
            value = []
            while index < len(lines) and lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        index += 1
    return outputs


def simulate_uses(step, context, action_path):
    uses = step["uses"].split("@")[0]
    with_ = {k: context.substitute(str(v)) for k, v in (step.get("with") or {}).items()}
    if uses == "actions/cache":
        if not with_.get("key") or not with_.get("path"):
            return False, {}, "actions/cache needs `key` and `path`"
        hit = os.path.exists(os.path.join(action_path, ".build", "release", "schemalint"))
        return True, {"cache-hit": "true" if hit else "false"}, f"cache {'hit' if hit else 'miss'} for {with_['key']}"
    if uses == "github/codeql-action/upload-sarif":
        path = with_.get("sarif_file", "")
        try:
            document = json.load(open(path))
        except Exception as error:
            return False, {}, f"upload-sarif: cannot read {path!r}: {error}"
        if document.get("version") != "2.1.0" or not document.get("runs"):
            return False, {}, f"upload-sarif: {path} is not SARIF 2.1.0"
        return True, {}, f"would upload {path} ({len(document['runs'][0]['results'])} results, category {with_.get('category')})"
    return False, {}, f"no simulation for `{step['uses']}`"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--action-path", default=ROOT)
    parser.add_argument("--binary", help="put this schemalint at <action-path>/.build/release (a cache hit)")
    parser.add_argument("--base-ref", default="")
    parser.add_argument("--input", action="append", default=[])
    arguments = parser.parse_args()

    action_path = os.path.abspath(arguments.action_path)
    action = yaml.safe_load(open(os.path.join(action_path, "action.yml")))
    problems = validate(action)
    for problem in problems:
        print(f"action.yml: {problem}")
    if problems:
        return 2
    if arguments.binary:
        target = os.path.join(action_path, ".build", "release")
        os.makedirs(target, exist_ok=True)
        shutil.copy2(arguments.binary, os.path.join(target, "schemalint"))

    inputs = {name: spec.get("default", "") for name, spec in (action.get("inputs") or {}).items()}
    for pair in arguments.input:
        name, value = pair.split("=", 1)
        if name not in inputs:
            print(f"unknown input {name}")
            return 2
        inputs[name] = value
    workspace = os.path.abspath(arguments.workspace)
    temp = tempfile.mkdtemp(prefix="action-runner-")
    github = {"action_path": action_path, "workspace": workspace, "base_ref": arguments.base_ref,
              "server_url": "https://github.com", "action_repository": "example/schemalint", "action_ref": "main",
              "event_name": "pull_request" if arguments.base_ref else "push"}
    runner = {"os": "Linux", "temp": temp}
    context = Context(inputs, github, runner)
    environment = dict(os.environ, GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=action_path, GITHUB_WORKSPACE=workspace,
                       RUNNER_OS="Linux", RUNNER_TEMP=temp, GITHUB_BASE_REF=arguments.base_ref,
                       GITHUB_ENV=os.path.join(temp, "env"), GITHUB_PATH=os.path.join(temp, "path"),
                       GITHUB_STEP_SUMMARY=os.path.join(temp, "summary"))
    for name in ("env", "path", "summary"):
        open(os.path.join(temp, name), "w").close()

    for index, step in enumerate(action["runs"]["steps"]):
        label = step.get("name") or f"step {index + 1}"
        if not context.condition(step):
            print(f"- {label}: skipped")
            continue
        if "uses" in step:
            ok, outputs, note = simulate_uses(step, context, action_path)
        else:
            script = os.path.join(temp, f"step-{index}.sh")
            open(script, "w").write(context.substitute(step["run"]))
            output_file = os.path.join(temp, f"output-{index}")
            open(output_file, "w").close()
            step_environment = dict(environment, GITHUB_OUTPUT=output_file)
            step_environment.update({k: context.substitute(str(v)) for k, v in (step.get("env") or {}).items()})
            completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workspace,
                                       env=step_environment, capture_output=True, text=True)
            for line in (completed.stdout + completed.stderr).splitlines():
                print(f"    {line}")
            ok, outputs, note = completed.returncode == 0, read_outputs(output_file), f"exit {completed.returncode}"
        if "id" in step:
            context.steps[step["id"]] = dict(outputs, outcome="success" if ok else "failure")
        print(f"- {label}: {'ok' if ok else 'FAILED'} ({note})" + "".join(f"\n    output {k}={v}" for k, v in outputs.items()))
        if not ok and not step.get("continue-on-error"):
            context.failed = True
    for name, spec in (action.get("outputs") or {}).items():
        print(f"output {name}={context.substitute(spec['value'])}")
    print(f"result: {'failure' if context.failed else 'success'}")
    shutil.rmtree(temp, ignore_errors=True)
    return 1 if context.failed else 0


if __name__ == "__main__":
    sys.exit(main())
