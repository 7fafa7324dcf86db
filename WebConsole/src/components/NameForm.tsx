import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';

interface Props {
  label: string;
  placeholder: string;
  submitLabel: string;
  inputTestId: string;
  submitTestId: string;
  /** Says in words why a name cannot be used, or returns null. */
  validate: (name: string) => string | null;
  /** Resolves true when the name was taken, to clear the field. */
  onCreate: (name: string) => Promise<boolean>;
  onInvalid: (message: string) => void;
}

/** One text field and a button, for "new container" and "new folder". */
export function NameForm(props: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = props.validate(name);
    setInvalid(problem !== null);
    if (problem !== null) {
      props.onInvalid(problem);
      return;
    }
    setBusy(true);
    try {
      if (await props.onCreate(name)) setName('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="name-form" onSubmit={submit} noValidate>
      <label>
        <span class="label">{props.label}</span>
        <input
          data-testid={props.inputTestId}
          placeholder={props.placeholder}
          autoComplete="off"
          spellcheck={false}
          value={name}
          aria-invalid={invalid || undefined}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setInvalid(false);
          }}
        />
      </label>
      <button type="submit" data-testid={props.submitTestId} disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
