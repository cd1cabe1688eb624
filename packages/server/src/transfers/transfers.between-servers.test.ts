/**
 * A transfer between two Tandem installations in one test: Kingsmead's (the sender, listening on a
 * real port) and Willow Brook's (the receiver, another installation with its own database). The
 * sender's DSL prepares the child-protection file and gives Ruth Adams (Willow Brook's DSL) the
 * one-time code; she collects it over HTTP with the sender's address, previews it, imports it into
 * her pupil's restricted record, and the confirmation of receipt is recorded at the sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type {
  ChronologyEntry,
  PackagePreviewResponse,
  PreparedPackageResponse,
  TransferListResponse,
} from '@tandem/core';
import { concernPupils, concerns, pupils, pupilTransfers, receivedFiles, transferParts } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let sender: TestEnv;
let receiver: TestEnv;
let senderUrl = '';

beforeAll(async () => {
  sender = await createTestEnv({ transferAllowHttp: true });
  receiver = await createTestEnv({ transferAllowHttp: true });
  senderUrl = await sender.app.listen({ port: 0, host: '127.0.0.1' });
  // The address the sender writes into its packages, as its PUBLIC_URL would be.
  sender.deps.config.publicUrl = senderUrl;
});
afterAll(async () => {
  await sender?.close();
  await receiver?.close();
});

describe('a transfer between two installations', () => {
  it('send, collect with the code, import into the restricted record, and the receipt comes back', async () => {
    const K = `/api/schools/${sender.world.kingsmead}`;
    // A pupil with something in the safeguarding record, so the child-protection file carries it.
    const [leaver] = await sender.deps.database.db
      .selectDistinct({ id: pupils.id, upn: pupils.upn })
      .from(pupils)
      .innerJoin(concernPupils, eq(concernPupils.pupilId, pupils.id))
      .innerJoin(concerns, and(eq(concerns.id, concernPupils.concernId), eq(concerns.restricted, true)))
      .where(and(eq(pupils.schoolId, sender.world.kingsmead), isNull(pupils.leftOn), isNull(pupils.userId)))
      .orderBy(pupils.id)
      .limit(1);
    const dsl = await sender.as('dsl');
    const left = await dsl.post(`${K}/pupils/${leaver!.id}/leaving`, {
      leftOn: new Date(sender.clock.now()).toISOString().slice(0, 10),
      destinationName: 'Willow Brook Primary School',
      destinationUrn: '900002',
    });
    expect(left.status).toBe(200);
    const list = await dsl.get<TransferListResponse>(`${K}/transfers`);
    const transfer = list.body.outgoing.find((t) => t.pupil.id === leaver!.id)!;
    const cp = transfer.parts.find((p) => p.file === 'child-protection')!;
    const prepared = await dsl.post<PreparedPackageResponse>(`${K}/transfer-parts/${cp.id}/package`);
    expect(prepared.status).toBe(200);
    expect(prepared.body.address).toBe(senderUrl);

    // At Willow Brook's own installation.
    const W = `/api/schools/${receiver.world.willow}`;
    const ruth = await receiver.as('otherHead');
    const wrong = await ruth.post<{ error: { message: string } }>(`${W}/received-packages/open`, {
      code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      address: senderUrl,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/No package is waiting for this code/);
    // Only https, unless this installation allows http (tests and development).
    receiver.deps.config.transferAllowHttp = false;
    const plain = await ruth.post(`${W}/received-packages/open`, { code: prepared.body.code, address: senderUrl });
    expect(plain.status).toBe(400);
    receiver.deps.config.transferAllowHttp = true;

    const opened = await ruth.post<PackagePreviewResponse>(`${W}/received-packages/open`, {
      code: prepared.body.code,
      address: senderUrl,
    });
    expect(opened.status).toBe(200);
    expect(opened.body.file).toBe('child-protection');
    expect(opened.body.fromSchool).toBe('Kingsmead Academy');
    expect(opened.body.pupil.upn).toBe(leaver!.upn);
    expect(opened.body.itemCount).toBeGreaterThan(0);
    // Collected once: the same code again finds nothing.
    const again = await ruth.post(`${W}/received-packages/open`, { code: prepared.body.code, address: senderUrl });
    expect(again.status).toBe(400);

    const [newPupil] = await receiver.deps.database.db
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, receiver.world.willow), isNull(pupils.leftOn)))
      .limit(1);
    const imported = await ruth.post<{ id: string; receiptSent: boolean }>(`${W}/received-packages/import`, {
      previewId: opened.body.previewId,
      pupilId: newPupil!.id,
    });
    expect(imported.status).toBe(200);
    expect(imported.body.receiptSent).toBe(true);
    const [stored] = await receiver.deps.database.db
      .select()
      .from(receivedFiles)
      .where(eq(receivedFiles.id, imported.body.id));
    expect(stored!.restricted).toBe(true);
    expect(stored!.receiptToken).toBeNull();

    const chronology = await ruth.get<{ entries: ChronologyEntry[] }>(`${W}/pupils/${newPupil!.id}/chronology`);
    const entry = chronology.body.entries.find((e) => e.kind === 'transfer_file_received');
    expect(entry?.title).toBe('Child-protection file received from Kingsmead Academy');
    expect(entry?.restricted).toBe(true);
    // Willow Brook's teacher may not read the child-protection file.
    const nina = await receiver.as('otherTeacher');
    expect([403, 404]).toContain((await nina.get(`${W}/received-files/${imported.body.id}`)).status);
    expect((await ruth.get(`${W}/received-files/${imported.body.id}`)).status).toBe(200);

    // Back at Kingsmead: the confirmation of receipt is recorded on the part.
    const [part] = await sender.deps.database.db.select().from(transferParts).where(eq(transferParts.id, cp.id));
    expect(part!.status).toBe('received');
    expect(part!.receiptHow).toBe('tandem');
    expect(part!.receiptBy).toBe('Ruth Adams');
    expect(part!.receiptSchool).toContain('Willow Brook Primary School');
    expect(part!.receivedAt).not.toBeNull();
    expect(part!.package).toBeNull();
    const [t] = await sender.deps.database.db.select().from(pupilTransfers).where(eq(pupilTransfers.id, transfer.id));
    expect(t!.destinationUrn).toBe('900002');
  });

  it('a receipt that cannot reach the sender is retried by a due job', async () => {
    const [row] = await receiver.deps.database.db
      .insert(receivedFiles)
      .values({
        schoolId: receiver.world.willow,
        pupilId: (
          await receiver.deps.database.db
            .select()
            .from(pupils)
            .where(eq(pupils.schoolId, receiver.world.willow))
            .limit(1)
        )[0]!.id,
        file: 'wellbeing',
        restricted: false,
        fromSchoolName: 'Kingsmead Academy',
        fromSchoolUrn: '900001',
        fromAddress: 'http://127.0.0.1:9',
        packageId: '00000000-0000-4000-8000-000000000001',
        receiptToken: 'x'.repeat(43),
        items: [],
        itemCount: 0,
        importedBy: receiver.world.userId('otherHead'),
        importedAt: receiver.clock.now(),
        receiptNextAt: receiver.clock.now(),
      })
      .returning();
    await runDueJobs(receiver.deps);
    const [after] = await receiver.deps.database.db.select().from(receivedFiles).where(eq(receivedFiles.id, row!.id));
    expect(after!.receiptAttempts).toBe(1);
    expect(after!.receiptSentAt).toBeNull();
    expect(after!.receiptNextAt!.getTime()).toBeGreaterThan(receiver.clock.now().getTime());
  });
});
