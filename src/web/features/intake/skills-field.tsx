import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { Combobox } from "../../components/combobox";
import { FieldError } from "../../components/field-error";
import { announce } from "../../lib/announce";
import { skillCheckQuery, useSkillSuggestions } from "../skills/skills-api";
import type { SkillAnswer } from "./answer-draft";

export const LEVELS = [
  { value: 1, label: "1 – beginner" },
  { value: 2, label: "2 – some experience" },
  { value: 3, label: "3 – comfortable" },
  { value: 4, label: "4 – strong" },
  { value: 5, label: "5 – expert" },
] as const;

type SkillsFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional: boolean;
  value: SkillAnswer[];
  onChange: (value: SkillAnswer[]) => void;
};

/**
 * Skills with a level each. Names autocomplete from the skills taxonomy; a name the
 * taxonomy doesn't know is kept, with the closest known skills offered instead.
 */
export function SkillsField({ id, label, hint, error, optional, value, onChange }: SkillsFieldProps) {
  const [name, setName] = useState("");
  const [level, setLevel] = useState(3);
  const suggestions = useSkillSuggestions(name);
  const checks = useQueries({ queries: value.map((skill) => skillCheckQuery(skill.name)) });
  const hintText = hint ?? "Level 1 is a beginner, 5 an expert.";

  const add = (typed = name) => {
    const trimmed = typed.trim();
    if (!trimmed) {
      announce("Type a skill first.");
      return;
    }
    const existing = value.findIndex((skill) => skill.name.toLowerCase() === trimmed.toLowerCase());
    if (existing >= 0) {
      onChange(value.map((skill, index) => (index === existing ? { ...skill, level } : skill)));
      announce(`${value[existing].name} is already listed; its level is now ${level}.`);
    } else {
      onChange([...value, { name: trimmed, level }]);
      announce(`Added ${trimmed} at level ${level}.`);
    }
    setName("");
  };

  const rename = (index: number, to: string) => {
    const from = value[index].name;
    onChange(value.map((skill, i) => (i === index ? { ...skill, name: to } : skill)));
    announce(`Changed ${from} to ${to}.`);
  };

  const remove = (index: number) => {
    const removed = value[index];
    onChange(value.filter((_, i) => i !== index));
    announce(`Removed ${removed.name}.`);
    // The pressed button is gone: continue from the box that adds skills.
    document.getElementById(`${id}-new`)?.focus();
  };

  return (
    <fieldset
      className={`field skills-field${error ? " field--invalid" : ""}`}
      id={id}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
      <legend>
        {label}
        {optional ? " (optional)" : ""}
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hintText}
      </p>
      <FieldError id={id} error={error} />
      {value.length > 0 ? (
        <ul className="skill-list" aria-label={`Skills added (${value.length})`}>
          {value.map((skill, index) => {
            const check = checks[index]?.data;
            const levelId = `${id}-level-${index}`;
            return (
              <li key={skill.name} className="skill-list__item">
                <span className="skill-list__name">{skill.name}</span>
                <span className="skill-list__level">
                  <label htmlFor={levelId}>
                    Level<span className="visually-hidden"> of {skill.name}</span>
                  </label>
                  <select
                    id={levelId}
                    value={skill.level}
                    onChange={(event) => onChange(value.map((s, i) => (i === index ? { ...s, level: Number(event.target.value) } : s)))}
                  >
                    {LEVELS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </span>
                <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> {skill.name}</span>
                </button>
                {check?.known && check.skill && check.skill.name !== skill.name ? (
                  <p className="skill-list__note">Saved as {check.skill.name}.</p>
                ) : null}
                {check && !check.known ? (
                  <div className="skill-list__note skill-list__note--unknown">
                    <p>
                      “{skill.name}” isn't a skill Grove knows yet, so it will be kept exactly as typed.
                      {check.suggestions.length > 0 ? " Did you mean one of these?" : ""}
                    </p>
                    {check.suggestions.length > 0 ? (
                      <ul className="inline-list">
                        {check.suggestions.map((suggestion) => (
                          <li key={suggestion.name}>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => rename(index, suggestion.name)}
                            >
                              Use {suggestion.name}
                              <span className="visually-hidden"> instead of {skill.name}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No skills added yet.</p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: focusout of the whole group of "add" controls, not an interaction */}
      <div
        className="skill-add"
        onBlur={(event) => {
          // Leaving the "add" controls with a skill typed but not added: add it rather than lose it.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null) && name.trim()) add();
        }}
      >
        <Combobox
          id={`${id}-new`}
          label="Skill"
          className="skill-add__name"
          value={name}
          onChange={setName}
          suggestions={suggestions.names}
          onSelect={(picked) => setName(picked)}
          onEnter={() => add()}
          invalid={Boolean(error)}
          describedByExtra={error ? `${id}-error` : undefined}
        />
        <div className="field skill-add__level">
          <label htmlFor={`${id}-new-level`}>Level</label>
          <select id={`${id}-new-level`} value={level} onChange={(event) => setLevel(Number(event.target.value))}>
            {LEVELS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary skill-add__button" onClick={() => add()}>
          Add skill
        </button>
      </div>
    </fieldset>
  );
}
