/**
 * A questionnaire answered in the family portal, by a parent or by the pupil: the same
 * one-question-per-screen component as staff use, pointed at the family API. Never shows scores;
 * when an answer means someone may not be safe, the caller's help is shown at once.
 */
import { questionnaireSchema } from '@tandem/core';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useResource } from '../api/useResource';
import { BackLink, Loading } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { QuestionnaireAnswering } from '../questionnaires/QuestionnaireAnswering';
import { familyQuestionnaireApi, familySaver } from './familyApi';
import './family.css';

export interface AnsweringWords {
  loading: string;
  doneTitle: string;
  doneText: string;
  closed: string;
  back: string;
}

export function FamilyAnswering({
  schoolId,
  questionnaireId,
  forPupil,
  backTo,
  words,
  help,
}: {
  schoolId: string;
  questionnaireId: string;
  forPupil: boolean;
  backTo: string;
  words: AnsweringWords;
  /** Shown at once after finishing when an answer means someone may not be safe. */
  help: ReactNode;
}) {
  const { resource, reload } = useResource(familyQuestionnaireApi(schoolId, questionnaireId), questionnaireSchema);
  const saver = useMemo(() => familySaver(schoolId, questionnaireId), [schoolId, questionnaireId]);
  const [finished, setFinished] = useState<{ helpNow: boolean } | null>(null);
  const name = resource.status === 'ready' ? resource.data.measure.name : null;
  const done = finished !== null || (resource.status === 'ready' && resource.data.status === 'complete');
  useEffect(() => {
    if (!done) document.title = `${name ?? words.loading} – Tandem`;
  }, [name, done, words.loading]);

  if (resource.status === 'error' && resource.error.code === 'not_found') return <NotFoundPage />;
  return (
    <div className="family">
      <BackLink to={backTo}>{words.back}</BackLink>
      {resource.status === 'loading' && <Loading what={words.loading} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (done ? (
          <Done
            title={words.doneTitle}
            text={finished !== null ? words.doneText : words.closed}
            backTo={backTo}
            back={words.back}
            help={finished?.helpNow === true ? help : null}
          />
        ) : (
          <QuestionnaireAnswering
            questionnaire={resource.data}
            saver={saver}
            forPupil={forPupil}
            onFinished={() => {
              setFinished({ helpNow: saver.finished()?.helpNow === true });
            }}
          />
        ))}
    </div>
  );
}

function Done({
  title,
  text,
  backTo,
  back,
  help,
}: {
  title: string;
  text: string;
  backTo: string;
  back: string;
  help: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Tandem`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 className="heading-xl" tabIndex={-1} id="page-heading" ref={heading}>
        {title}
      </h1>
      {help}
      <p className="lead">{text}</p>
      <p>
        <Link to={backTo}>{back}</Link>
      </p>
    </>
  );
}
