-- AlterTable: sessions already open count as proven long ago (an admin action asks again);
-- new ones are proven when they start.
ALTER TABLE "Session" ADD COLUMN "provenAt" TIMESTAMP(3) NOT NULL DEFAULT '1970-01-01 00:00:00';
ALTER TABLE "Session" ALTER COLUMN "provenAt" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'user';
