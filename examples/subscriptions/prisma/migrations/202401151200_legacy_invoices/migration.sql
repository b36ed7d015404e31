-- CreateTable
CREATE TABLE "LegacyInvoice" (
    "id" SERIAL NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL,

    CONSTRAINT "LegacyInvoice_pkey" PRIMARY KEY ("id")
);
