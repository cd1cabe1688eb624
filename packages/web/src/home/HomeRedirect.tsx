import { FlashBanner, PageTitle } from '../components/Page';
import { recallPlace, useSession } from '../auth/session';
import { Redirect, useFlash } from '../router/router';

/** "/" goes to the school or trust last used on this device, or the first one the person has. */
export function HomeRedirect() {
  const { session } = useSession();
  // A message meant for the home page ("Two-factor sign-in is set up.") goes on to the school or trust.
  const flash = useFlash();
  const userId = session.user?.id ?? '';
  const places = [
    ...session.schools.map((s) => `/schools/${encodeURIComponent(s.id)}`),
    ...session.trusts.map((t) => `/trusts/${encodeURIComponent(t.id)}`),
  ];
  const remembered = recallPlace(userId);
  const target = remembered !== null && places.includes(remembered) ? remembered : places[0];

  if (target !== undefined) return <Redirect to={target} flash={flash ?? undefined} />;

  return (
    <div className="narrow">
      <FlashBanner flash={flash} />
      <PageTitle>Your account is not linked to a school yet</PageTitle>
      <p>You have signed in, but you do not have a role in any school or trust on Tandem.</p>
      <p>
        If you think this is wrong, ask your school administrator or headteacher to add you. You will be able to use
        Tandem once they have.
      </p>
    </div>
  );
}
